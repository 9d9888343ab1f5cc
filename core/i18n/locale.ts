export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];
export const parseLocale = (text: string | undefined | null): Locale => (text && /^en/i.test(text) ? 'en' : 'es');
