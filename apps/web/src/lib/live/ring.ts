/**
 * A fixed-size ring of the newest items: the fleet's events list, the wall's ticker. Pushing past
 * capacity drops the oldest, so memory stays flat however long a page (or a wall) stays open.
 */
export class Ring<T> {
  private readonly items: Array<T | undefined>;
  private next = 0;
  size = 0;
  /** Bumps on every push: a cheap "changed" signal for renderers. */
  version = 0;

  constructor(readonly capacity: number) {
    if (capacity < 1) throw new Error('A ring holds at least one item.');
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    this.version++;
  }

  /** Newest first, at most `limit`. */
  newest(limit = this.size): T[] {
    const out: T[] = [];
    const n = Math.min(limit, this.size);
    for (let i = 1; i <= n; i++) {
      const item = this.items[(this.next - i + this.capacity) % this.capacity];
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.next = 0;
    this.size = 0;
    this.version++;
  }
}
