import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { guessType } from './columns';
import { parseImportFile } from './parse';
import { planRow, type Lookups, type RowPlan } from './plan';
import { existingItems, loadVocabularies, organisationIds, takenSlugs } from './repository';
import { IMPORT_TYPES, type ImportWriter, type ImportOptions, type ImportReport, type ImportTotals, type ImportType } from './types';
import { checkColumns, checkRecord, markDuplicates } from './validate';
import { writeProblem, writeRow } from './write';
import { announceCreated, BULK_BATCH, chunks, createBulkWriter } from '../strapi-shortcuts/bulk-create';
import { createStopwatch, describePhases, type Stopwatch } from './timing';

export * from './types';

const PROGRESS_EVERY = 500;

function totalsOf(plans: RowPlan[]): ImportTotals {
  const totals: ImportTotals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const plan of plans) totals[plan.result.status]++;
  return totals;
}

/** The reads are independent, so they run side by side; taken slugs only matter when some row is new. */
async function loadLookups(strapi: Core.Strapi, type: ImportType, externalIds: string[], organisationRefs: string[]): Promise<Lookups> {
  const [vocabularies, organisations, existing] = await Promise.all([
    loadVocabularies(strapi),
    type === 'activities' ? organisationIds(strapi, organisationRefs) : new Map<string, string>(),
    existingItems(strapi, type, externalIds),
  ]);
  const anyNew = externalIds.some((id) => !existing.has(id));
  return { ...vocabularies, organisations, existing, slugs: anyNew ? await takenSlugs(strapi, type) : new Set() };
}

const rejectedBy = (plan: RowPlan, error: unknown): RowPlan['result'] => ({
  line: plan.result.line,
  externalId: plan.result.externalId,
  status: 'rejected',
  problems: [writeProblem(error)],
});

/**
 * New items in multi-row INSERTs (the launch case: thousands at once),
 * changed ones through the Document Service. `document-service` writes
 * every row through it, as the equivalence test compares.
 */
function writersFor(strapi: Core.Strapi, type: ImportType, plans: RowPlan[], writer: ImportWriter, watch: Stopwatch) {
  const writing = plans.filter((p) => p.write);
  const inBulk = (p: RowPlan) => writer === 'bulk' && !p.write!.documentId;
  const bulk = writing.filter(inBulk);
  const one = writing.filter((p) => !inBulk(p));
  const bulkWriter = createBulkWriter(strapi, type, watch);
  const createBatch = async (batch: RowPlan[]) => {
    const { documentIds, published } = await bulkWriter.write(batch.map((p) => p.write!));
    await announceCreated(strapi, type, published, watch);
    batch.forEach((plan, i) => (plan.result.documentId = documentIds[i]));
  };
  const writeOne = async (plan: RowPlan) => {
    plan.result.documentId = await watch.time('update', () => writeRow(strapi, type, plan.write!));
  };
  return { batches: chunks(bulk, BULK_BATCH), one, createBatch, writeOne };
}

/** Each batch in its own transaction; a batch that fails is written row by row, so only the bad row is reported. */
async function writeEachRow(strapi: Core.Strapi, type: ImportType, plans: RowPlan[], writer: ImportWriter, watch: Stopwatch, progress: (done: number) => void) {
  const { batches, one, createBatch, writeOne } = writersFor(strapi, type, plans, writer, watch);
  let done = 0;
  const writeAlone = async (plan: RowPlan, write: () => Promise<void>) => {
    try {
      await strapi.db.transaction(write);
    } catch (error) {
      plan.result = rejectedBy(plan, error);
    }
  };
  for (const batch of batches) {
    try {
      await strapi.db.transaction(() => createBatch(batch));
    } catch {
      for (const plan of batch) await writeAlone(plan, () => createBatch([plan]));
    }
    progress((done += batch.length));
  }
  for (const plan of one) {
    await writeAlone(plan, () => writeOne(plan));
    progress(++done);
  }
  return true;
}

const ROLLED_BACK = new Error('rolled back on purpose');

/** After a failed batch: which of its rows fails on its own (each tried in a transaction that is always rolled back). */
async function findFailingRows(strapi: Core.Strapi, batch: RowPlan[], createBatch: (batch: RowPlan[]) => Promise<void>, batchError: unknown) {
  let found = false;
  for (const plan of batch) {
    try {
      await strapi.db.transaction(async () => {
        await createBatch([plan]);
        throw ROLLED_BACK;
      });
    } catch (error) {
      if (error !== ROLLED_BACK) {
        plan.result = rejectedBy(plan, error);
        found = true;
      }
    }
    delete plan.result.documentId;
  }
  if (!found) batch[0].result = rejectedBy(batch[0], batchError);
}

/** One transaction: a write that fails halfway takes every earlier write of this file with it. */
async function writeAllOrNothing(strapi: Core.Strapi, type: ImportType, plans: RowPlan[], writer: ImportWriter, watch: Stopwatch, progress: (done: number) => void) {
  const { batches, one, createBatch, writeOne } = writersFor(strapi, type, plans, writer, watch);
  let done = 0;
  let failedBatch: { batch: RowPlan[]; error: unknown } | undefined;
  try {
    await strapi.db.transaction(async () => {
      for (const batch of batches) {
        try {
          await createBatch(batch);
        } catch (error) {
          failedBatch = { batch, error };
          throw error;
        }
        progress((done += batch.length));
      }
      for (const plan of one) {
        try {
          await writeOne(plan);
        } catch (error) {
          plan.result = rejectedBy(plan, error);
          throw error;
        }
        progress(++done);
      }
    });
    return true;
  } catch {
    if (failedBatch) await findFailingRows(strapi, failedBatch.batch, createBatch, failedBatch.error);
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
  const watch = createStopwatch();
  const log = options.log ?? (() => {});
  const { columns, records } = watch.sync('parse', () => parseImportFile(content, options));
  const type = options.type ?? guessType(columns);
  if (!IMPORT_TYPES.includes(type)) throw new errors.ValidationError(`Unknown type "${type}": use organisations or activities`);
  const { missing, unknown } = checkColumns(type, columns);
  if (missing.length) throw new errors.ValidationError(`The file has no column ${missing.join(', ')}, which ${type} need`, { missing });
  const warnings = unknown.map((c) => `column "${c}" is not known for ${type} and was ignored`);

  const present = new Set(columns);
  const rows = watch.sync('check', () => {
    const checked = records.map((record) => checkRecord(type, record, present));
    markDuplicates(checked);
    return checked;
  });
  const externalIds = rows.flatMap((r) => (r.externalId ? [r.externalId] : []));
  const organisationRefs = rows.flatMap((r) => (r.refs.organisation ? [r.refs.organisation] : []));
  const lookups = await watch.time('lookups', () => loadLookups(strapi, type, externalIds, organisationRefs));
  const plans = watch.sync('plan', () => rows.map((row) => planRow(type, row, lookups)));
  const planned = totalsOf(plans);
  log(`[import] ${type}: ${rows.length} rows checked: ${planned.created} to create, ${planned.updated} to update, ${planned.unchanged} unchanged, ${planned.rejected} rejected`);

  const dryRun = Boolean(options.dryRun);
  const allOrNothing = Boolean(options.allOrNothing);
  const toWrite = planned.created + planned.updated;
  let reported = 0;
  const progress = (done: number) => {
    if (Math.floor(done / PROGRESS_EVERY) > Math.floor(reported / PROGRESS_EVERY) || done === toWrite) log(`[import] ${done}/${toWrite} rows written`);
    reported = done;
  };
  let written = !dryRun && !(allOrNothing && planned.rejected > 0);
  if (dryRun) {
    log('[import] dry run: nothing written');
  } else if (allOrNothing && planned.rejected) {
    log(`[import] all-or-nothing: ${planned.rejected} rejected row(s), so nothing was written`);
  } else if (toWrite) {
    written = await (allOrNothing ? writeAllOrNothing : writeEachRow)(strapi, type, plans, options.writer ?? 'bulk', watch, progress);
    if (!written) log('[import] all-or-nothing: a write failed, everything was rolled back');
  }

  const phasesMs = watch.totals();
  log(`[import] ${type}: time per phase: ${describePhases(phasesMs)}`);
  return {
    type,
    dryRun,
    allOrNothing,
    written,
    totals: totalsOf(plans),
    rows: plans.map((p) => p.result),
    warnings,
    durationMs: Date.now() - started,
    phasesMs,
  };
}
