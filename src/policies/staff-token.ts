import { forbidden } from '../lib/errors';
import { callerOf } from '../public-reads/public-query';

/** Content-API routes for staff only: a full-access API token (the statistics). */
export default (policyContext: any) => {
  if (!callerOf(policyContext).isStaff) throw forbidden('Statistics are for staff: use a full-access API token');
  return true;
};
