import type { systemMethods } from '../../common/contract/system.js';
import { verifyJournal } from '../../../db/journal/verify.js';
import { schemaVersion } from '../../../db/migrate.js';
import { listUsers } from '../../../db/queries/system.js';
import { signIn, signOut } from '../services/sessions.js';
import { createUser } from '../services/users.js';
import type { HandlersFor } from './types.js';

export const systemHandlers: HandlersFor<keyof typeof systemMethods> = {
  'system.info': (ctx) => ({
    ...ctx.site,
    appVersion: ctx.options.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    now: ctx.nowIso(),
    today: ctx.today(),
  }),
  'session.signIn': (ctx, { username, password }) => signIn(ctx, username, password),
  'session.signOut': (ctx) => {
    signOut(ctx);
    return { signedOut: true as const };
  },
  'session.current': (ctx) => ctx.requireSession(),
  'settings.get': (ctx) => ctx.settings(),
  'settings.update': (ctx, { settings, reason }) => {
    ctx.record('settings', 'settings', 'update', { record: settings, previous: ctx.settings(), reason });
    return ctx.settings();
  },
  'journal.verify': (ctx) => {
    const report = verifyJournal(ctx.db);
    // Checking integrity is itself an audit event (AU-9); recorded after the walk so it does not verify itself.
    ctx.record('session', ctx.requireSession().id, 'journal_verify', { outcome: report.ok ? 'intact' : 'broken', entries: report.entries });
    return report;
  },
  'users.list': (ctx) => listUsers(ctx.db),
  'users.create': (ctx, input) => createUser(ctx, input),
};
