/**
 * Keeps the first `capacity` items offered, in `compare` order, without sorting them all:
 * a bounded max-heap holds the best seen so far, so the first page of a million matches
 * costs about one comparison per match.
 */
export class FirstItems<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly capacity: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const { heap, compare } = this;
    if (heap.length < this.capacity) {
      heap.push(item);
      this.siftUp(heap.length - 1);
    } else if (heap.length > 0 && compare(item, heap[0]!) < 0) {
      heap[0] = item;
      this.siftDown();
    }
  }

  /** What was kept, in order. */
  sorted(): T[] {
    return this.heap.slice().sort(this.compare);
  }

  private siftUp(start: number): void {
    const { heap, compare } = this;
    let i = start;
    const item = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(item, heap[parent]!) <= 0) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = item;
  }

  private siftDown(): void {
    const { heap, compare } = this;
    const item = heap[0]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const larger = right < heap.length && compare(heap[right]!, heap[left]!) > 0 ? right : left;
      if (compare(heap[larger]!, item) <= 0) break;
      heap[i] = heap[larger]!;
      i = larger;
    }
    heap[i] = item;
  }
}
