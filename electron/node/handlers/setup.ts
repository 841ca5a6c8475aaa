import type { setupMethods } from '../../common/contract/setup.js';
import { readSite } from '../../../db/queries/system.js';
import { LedgerError } from '../../common/result.js';
import { initSite } from '../site/initSite.js';
import type { HandlersFor } from './types.js';

export const setupHandlers: HandlersFor<keyof typeof setupMethods> = {
  'setup.initialise': (ctx, input) => {
    if (readSite(ctx.db)) throw new LedgerError('CONFLICT', 'this installation is already set up');
    return initSite(ctx.db, ctx.options.clock, input, {
      appVersion: ctx.options.appVersion,
      workstation: ctx.conn.workstation,
      ...(ctx.options.passwordIterations ? { passwordIterations: ctx.options.passwordIterations } : {}),
    });
  },
};
