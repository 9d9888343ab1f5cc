/**
 * Values by a document's type and number, without building a `type-number` string per document:
 * making and hashing 100,000 key strings (and again for every payment) was a large part of
 * building a large ledger in the sidebar. Same keys as documentKey: a type and a number.
 */
export class DocumentMap<T> {
  private readonly byType = new Map<number, Map<number, T>>();

  get(type: number, number: number): T | undefined {
    return this.byType.get(type)?.get(number);
  }

  has(type: number, number: number): boolean {
    return this.byType.get(type)?.has(number) ?? false;
  }

  set(type: number, number: number, value: T): void {
    let byNumber = this.byType.get(type);
    if (!byNumber) this.byType.set(type, (byNumber = new Map()));
    byNumber.set(number, value);
  }

  delete(type: number, number: number): void {
    this.byType.get(type)?.delete(number);
  }
}
