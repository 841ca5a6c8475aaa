import type { systemMethods } from '../../common/contract/system.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { schemaVersion } from '../../../db/migrate.js';
import { updateSettings } from '../services/settings.js';
import type { HandlersFor } from './types.js';

export const systemHandlers: HandlersFor<keyof typeof systemMethods> = {
  'system.info': (ctx) => ({
    ...ctx.site,
    appVersion: ctx.options.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    now: ctx.nowIso(),
    today: ctx.today(),
  }),
  'settings.get': (ctx) => ctx.settings(),
  'settings.update': (ctx, { changes, reason }) => updateSettings(ctx, changes, reason),
  'journal.verify': (ctx) => {
    const report = verifyJournal(ctx.db);
    // Checking integrity is itself an audit event (AU-9); recorded after the walk so it does not verify itself.
    ctx.record('session', ctx.requireSession().userId, 'journal_verify', { outcome: report.ok ? 'intact' : 'broken', entries: report.entries });
    return report;
  },
};
