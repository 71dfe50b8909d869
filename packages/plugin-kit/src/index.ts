export { sqlNames, type StrapiDatabase } from './sql';
export { claimRow, newDocumentId } from './claim';
export type { Importer, ImportRequest, Language, LoginLinkFor, OwnersOf, Recipient } from './contracts';
export { configOf, serviceOf, servicesOf, type ServiceFactory } from './plugin';
export { outboxOf, type ComposedMail, type MailAddressee, type MailKind, type Outbox, type OutboxFailure, type OutboxMail, type RoundCounts, type SendOutcome } from './outbox';
export { dedupeKeyOf, messageIdOf } from './outbox-identity';
export { moderationOf, PUBLIC_MODERATION_STATUSES, type Moderation, type ModeratedType, type ModerationStatus, type ReportOutcome } from './moderation';
export { DOCUMENT_ID, documentIdOf, documentIdParam, idParam, limitQuery, MAX_ROW_ID, onlyParams, pageQuery, wholeNumber } from './validation';
export { NOT_ARCHIVED, publicRule, type PublicRule } from './public-rule';
