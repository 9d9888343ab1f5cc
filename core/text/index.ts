export { normalizeText } from './normalizeText';
