export { sqlNames, type StrapiDatabase } from './sql';
export { claimRow, newDocumentId } from './claim';
