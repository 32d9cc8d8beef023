/** Fanout exchanges route to every binding; the routing key and headers play no part. */
export function fanoutMatches(): true {
  return true;
}
