/**
 * Topic matching with RabbitMQ's rules (rabbit_exchange_type_topic.erl):
 * keys split on '.', every piece is a word (so "a..b" has an empty middle
 * word and "a." ends with one), except that the empty key has no words at
 * all. In a binding key `*` matches exactly one word and `#` zero or more.
 */

/** RabbitMQ's split_topic_key: "" is zero words, otherwise split on every '.'. */
export function splitTopicKey(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * Whether one binding key matches one routing key. Dynamic programming over
 * (pattern word, key word) so that patterns with many '#' stay linear-ish.
 */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const pattern = splitTopicKey(bindingKey);
  const words = splitTopicKey(routingKey);
  // reach[j]: the first i pattern words can match the first j key words.
  let reach: boolean[] = new Array<boolean>(words.length + 1).fill(false);
  reach[0] = true;
  for (const p of pattern) {
    const next: boolean[] = new Array<boolean>(words.length + 1).fill(false);
    for (let j = 0; j <= words.length; j++) {
      if (p === '#') {
        next[j] = reach[j] === true || (j > 0 && next[j - 1] === true);
      } else if (j > 0 && reach[j - 1] === true) {
        next[j] = p === '*' || p === words[j - 1];
      }
    }
    reach = next;
  }
  return reach[words.length] === true;
}

interface TrieNode<T> {
  readonly parent: TrieNode<T> | null;
  readonly word: string;
  readonly children: Map<string, TrieNode<T>>;
  readonly values: Set<T>;
  /** Stamp of the last match step that put this node in the active set; dedups without allocating. */
  mark: number;
}

function newNode<T>(parent: TrieNode<T> | null, word: string): TrieNode<T> {
  return { parent, word, children: new Map(), values: new Set(), mark: 0 };
}

/**
 * A trie of binding keys, matched as an NFA over the routing key's words:
 * the cost of a publish grows with the number of words and active trie
 * nodes, not with the number of bindings. Values are opaque (the routing
 * table stores its binding records); a value may sit under several keys.
 */
export class TopicTrie<T> {
  private readonly root: TrieNode<T> = newNode<T>(null, '');
  private stamp = 0;
  private current: TrieNode<T>[] = [];
  private next: TrieNode<T>[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(bindingKey: string, value: T): boolean {
    let node = this.root;
    for (const word of splitTopicKey(bindingKey)) {
      let child = node.children.get(word);
      if (child === undefined) {
        child = newNode(node, word);
        node.children.set(word, child);
      }
      node = child;
    }
    if (node.values.has(value)) return false;
    node.values.add(value);
    this.count++;
    return true;
  }

  remove(bindingKey: string, value: T): boolean {
    let node: TrieNode<T> | undefined = this.root;
    for (const word of splitTopicKey(bindingKey)) {
      node = node.children.get(word);
      if (node === undefined) return false;
    }
    if (!node.values.delete(value)) return false;
    this.count--;
    // Prune the now-empty tail so a long-lived vhost does not accumulate dead nodes.
    while (node.parent !== null && node.values.size === 0 && node.children.size === 0) {
      node.parent.children.delete(node.word);
      node = node.parent;
    }
    return true;
  }

  /**
   * Calls `found` once per value whose binding key matches `routingKey`.
   * `found` must not call match() on this same trie: the scratch arrays are reused.
   */
  match(routingKey: string, found: (value: T) => void): void {
    const words = splitTopicKey(routingKey);
    let active = this.current;
    let upcoming = this.next;
    active.length = 0;
    this.stamp++;
    this.enter(this.root, active);
    for (const word of words) {
      if (active.length === 0) break;
      this.stamp++;
      upcoming.length = 0;
      for (const node of active) {
        // A node reached through '#' keeps absorbing words.
        if (node.word === '#' && node.parent !== null) this.enter(node, upcoming);
        const exact = node.children.get(word);
        if (exact !== undefined) this.enter(exact, upcoming);
        const star = node.children.get('*');
        if (star !== undefined) this.enter(star, upcoming);
      }
      const swap = active;
      active = upcoming;
      upcoming = swap;
    }
    this.current = active;
    this.next = upcoming;
    for (const node of active) for (const value of node.values) found(value);
    active.length = 0;
  }

  /** Adds `node` and everything reachable from it through '#' edges (which may match zero words). */
  private enter(node: TrieNode<T>, into: TrieNode<T>[]): void {
    let at: TrieNode<T> | undefined = node;
    while (at !== undefined && at.mark !== this.stamp) {
      at.mark = this.stamp;
      into.push(at);
      at = at.children.get('#');
    }
  }
}
