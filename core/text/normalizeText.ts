/** Case- and accent-folded text for matching: `Peñalolén` -> `penalolen`. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
