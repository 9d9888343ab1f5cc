export const ASSERTION_MESSAGES = {
  currencyMismatch: 'Money operations need amounts of the same currency.',
  notInteger: 'Money amounts must be integers in minor units.',
  ratiosEmpty: 'Allocation needs at least one ratio.',
  ratiosNegative: 'Allocation ratios must be non-negative and not all zero.',
  unknownDocumentType: 'Document type is not in the tax profile.',
} as const;
