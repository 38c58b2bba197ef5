export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const INFO_MS = 6000;

/** Short messages after an action; shown in live regions so screen readers announce them. */
class Notices {
  items = $state<Notice[]>([]);
  #next = 1;

  info(text: string): void {
    const id = this.#push('info', text);
    setTimeout(() => this.dismiss(id), INFO_MS);
  }

  /** Errors stay until dismissed: a user may need time to read or copy them. */
  error(text: string): void {
    this.#push('error', text);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  #push(kind: Notice['kind'], text: string): number {
    const id = this.#next++;
    // The same message twice in a row adds nothing.
    this.items = [...this.items.filter((n) => n.text !== text), { id, kind, text }].slice(-4);
    return id;
  }
}

export const notices = new Notices();
