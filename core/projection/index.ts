export { PROJECTION_FORMAT, PROJECTION_COLUMNS, type SidebarProjection, type ProjectedBook, type ProjectionColumn, type ProjectionKind } from './types';
export { packIntegers, unpackIntegers } from './packIntegers';
export { encodeProjection } from './encodeProjection';
export { decodeProjection, ProjectionFormatError } from './decodeProjection';
export { mergeProjected } from './mergeProjected';
export { bookOfProjection } from './bookOfProjection';
export { type DocumentDetail, documentDetail, mergeDetail, viewWithDetail, detailBook } from './documentDetail';
export { workbookVersion } from './workbookVersion';
export { plannedChanges, type PlannedChanges, type ProjectedDocument } from './plannedChanges';
