import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { guessType } from './columns';
import { parseImportFile } from './parse';
import { planRow, type Lookups, type RowPlan } from './plan';
import { existingItems, loadVocabularies, organisationIds, takenSlugs } from './repository';
import { IMPORT_TYPES, type ImportOptions, type ImportReport, type ImportTotals, type ImportType } from './types';
import { checkColumns, checkRecord, markDuplicates } from './validate';
import { writeProblem, writeRow } from './write';

export * from './types';

const PROGRESS_EVERY = 500;

function totalsOf(plans: RowPlan[]): ImportTotals {
  const totals: ImportTotals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const plan of plans) totals[plan.result.status]++;
  return totals;
}

async function loadLookups(strapi: Core.Strapi, type: ImportType, externalIds: string[], organisationRefs: string[]): Promise<Lookups> {
  return {
    ...(await loadVocabularies(strapi)),
    organisations: type === 'activities' ? await organisationIds(strapi, organisationRefs) : new Map(),
    existing: await existingItems(strapi, type, externalIds),
    slugs: await takenSlugs(strapi, type),
  };
}

/** Each row on its own: a row that cannot be saved is reported, the others go in. */
async function writeEachRow(strapi: Core.Strapi, type: ImportType, plans: RowPlan[], progress: (done: number) => void) {
  let done = 0;
  for (const plan of plans) {
    if (!plan.write) continue;
    try {
      plan.result.documentId = await strapi.db.transaction(() => writeRow(strapi, type, plan.write!));
    } catch (error) {
      plan.result = { line: plan.result.line, externalId: plan.result.externalId, status: 'rejected', problems: [writeProblem(error)] };
    }
    progress(++done);
  }
  return true;
}

/** One transaction: a write that fails halfway takes every earlier write of this file with it. */
async function writeAllOrNothing(strapi: Core.Strapi, type: ImportType, plans: RowPlan[], progress: (done: number) => void) {
  let done = 0;
  try {
    await strapi.db.transaction(async () => {
      for (const plan of plans) {
        if (!plan.write) continue;
        try {
          plan.result.documentId = await writeRow(strapi, type, plan.write);
        } catch (error) {
          plan.result = { line: plan.result.line, externalId: plan.result.externalId, status: 'rejected', problems: [writeProblem(error)] };
          throw error;
        }
        progress(++done);
      }
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Upserts organisations or activities by externalId from a CSV or JSON file.
 * Rows equal to what is stored are not written at all, so a second run of
 * the same file changes nothing (updatedAt included).
 */
export async function runImport(strapi: Core.Strapi, content: string | Buffer, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const { columns, records } = parseImportFile(content, options);
  const type = options.type ?? guessType(columns);
  if (!IMPORT_TYPES.includes(type)) throw new errors.ValidationError(`Unknown type "${type}": use organisations or activities`);
  const { missing, unknown } = checkColumns(type, columns);
  if (missing.length) throw new errors.ValidationError(`The file has no column ${missing.join(', ')}, which ${type} need`, { missing });
  const warnings = unknown.map((c) => `column "${c}" is not known for ${type} and was ignored`);

  const present = new Set(columns);
  const rows = records.map((record) => checkRecord(type, record, present));
  markDuplicates(rows);
  const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  const organisationRefs = rows.flatMap((r) => (r.refs.organisation ? [r.refs.organisation] : []));
  const lookups = await loadLookups(strapi, type, externalIds, organisationRefs);
  const plans = rows.map((row) => planRow(type, row, lookups));
  const planned = totalsOf(plans);
  log(`[import] ${type}: ${rows.length} rows checked: ${planned.created} to create, ${planned.updated} to update, ${planned.unchanged} unchanged, ${planned.rejected} rejected`);

  const dryRun = Boolean(options.dryRun);
  const allOrNothing = Boolean(options.allOrNothing);
  const toWrite = planned.created + planned.updated;
  const progress = (done: number) => {
    if (done % PROGRESS_EVERY === 0 || done === toWrite) log(`[import] ${done}/${toWrite} rows written`);
  };
  let written = !dryRun && !(allOrNothing && planned.rejected > 0);
  if (dryRun) {
    log('[import] dry run: nothing written');
  } else if (allOrNothing && planned.rejected) {
    log(`[import] all-or-nothing: ${planned.rejected} rejected row(s), so nothing was written`);
  } else if (toWrite) {
    written = await (allOrNothing ? writeAllOrNothing : writeEachRow)(strapi, type, plans, progress);
    if (!written) log('[import] all-or-nothing: a write failed, everything was rolled back');
  }

  return {
    type,
    dryRun,
    allOrNothing,
    written,
    totals: totalsOf(plans),
    rows: plans.map((p) => p.result),
    warnings,
    durationMs: Date.now() - started,
  };
}
