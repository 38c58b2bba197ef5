import { AppError, gateReport } from '@vungxanh/domain';
import { bankQuestions } from '@vungxanh/db';
import { gateDto, gateInput } from '../../lib/gates.ts';
import type { Handler } from '../../lib/openapi.ts';
import { requireAuth } from '../../lib/session.ts';
import type * as routes from './gates.routes.ts';

/**
 * The gates over each bank the caller edits: the system's editors see the national practice and
 * contest banks; a commune admin the commune's own practice and contest questions.
 */
export const gates: Handler<typeof routes.gates> = async (c) => {
  const { actor } = requireAuth(c);
  const scope = actor.role === 'system' ? 'national' : actor.role === 'commune_admin' ? actor.communeId : null;
  if (!scope) throw new AppError(403, 'forbidden');
  const { db } = c.get('deps');
  const banks = await Promise.all(
    (['practice', 'contest'] as const).map(async (bank) => ({
      bank,
      scope,
      report: gateDto(gateReport((await bankQuestions(db, bank, [scope])).map(gateInput))),
    })),
  );
  return c.json({ banks }, 200);
};
