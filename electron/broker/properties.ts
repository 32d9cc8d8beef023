// Encoding of content properties to the raw bytes a Message carries.
import { writeBasicProperties, type BasicProperties } from './protocol/generated.js';
import { WireWriter } from './protocol/wire-writer.js';

const writer = new WireWriter(4096);

/** Property flags and property list, as they follow class, weight and body size in a header frame. */
export function encodeProperties(p: BasicProperties): Buffer {
  writer.reset();
  writeBasicProperties(writer, p);
  return writer.take();
}
