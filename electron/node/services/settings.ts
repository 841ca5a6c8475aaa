import { canonicalJson } from '../../common/canonicalJson.js';
import { LedgerError } from '../../common/result.js';
import type { Settings } from '../../common/site.js';
import { settingsSchema } from '../../common/site.js';
import type { HandlerContext } from '../context.js';
import { toFieldIssues } from '../zodIssues.js';

const SECURITY_SETTINGS: readonly (keyof Settings)[] = ['idleLockMinutes', 'idleLockMinutesAdmin', 'maxFailedSignIns', 'failedSignInWindowMinutes', 'autoUnlockMinutes'];

export function updateSettings(ctx: HandlerContext, changes: Partial<Settings>, reason: string): Settings {
  const previous = ctx.settings();
  const parsed = settingsSchema.safeParse({ ...previous, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) });
  if (!parsed.success) throw new LedgerError('INVALID_INPUT', 'invalid settings', { issues: toFieldIssues(parsed.error).map((i) => ({ ...i, path: ['changes', ...i.path] })) });
  const next = parsed.data;
  const changed = (Object.keys(next) as (keyof Settings)[]).filter((key) => canonicalJson(next[key]) !== canonicalJson(previous[key]));
  if (changed.length === 0) throw new LedgerError('INVALID_INPUT', 'nothing to change: every setting already has that value');
  ctx.record('settings', 'settings', 'update', {
    record: next,
    previous,
    changed,
    reason,
    securityRelevant: changed.some((key) => SECURITY_SETTINGS.includes(key)),
  });
  return next;
}
