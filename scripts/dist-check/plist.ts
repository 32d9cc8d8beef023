export type PlistValue = boolean | string | number | PlistValue[] | { [key: string]: PlistValue };

/**
 * An XML property list (the entitlements file) parsed strictly: one root
 * <dict>, keys paired with values, known value elements only. Enough to
 * refuse a file codesign would refuse, without a plist dependency.
 */
export function parsePlist(xml: string): { [key: string]: PlistValue } {
  const body = /<plist\b[^>]*>([\s\S]*)<\/plist>\s*$/.exec(xml.replace(/<!--[\s\S]*?-->/g, ''));
  if (!body) throw new Error('not an XML property list: no <plist> element');
  const tokens = [...(body[1] as string).matchAll(/<(\/?)(\w+)(\s*\/)?>|([^<]+)/g)].filter((m) => m[4] === undefined || (m[4] as string).trim() !== '');
  let at = 0;
  const next = () => {
    const token = tokens[at++];
    if (!token) throw new Error('property list ends early');
    return token;
  };
  const value = (): PlistValue => {
    const token = next();
    if (token[4] !== undefined) throw new Error(`unexpected text "${token[4].trim()}"`);
    const [, closing, name, selfClosing] = token;
    if (closing) throw new Error(`unexpected </${name}>`);
    if (selfClosing) {
      if (name === 'true') return true;
      if (name === 'false') return false;
      if (name === 'dict') return {};
      if (name === 'array') return [];
      throw new Error(`unknown element <${name}/>`);
    }
    if (name === 'dict') {
      const dict: { [key: string]: PlistValue } = {};
      for (;;) {
        const key = next();
        if (key[1] === '/' && key[2] === 'dict') return dict;
        if (key[2] !== 'key' || key[1] || key[3]) throw new Error(`expected <key> in <dict>, found ${key[0].trim()}`);
        const text = next();
        if (text[4] === undefined) throw new Error('empty <key>');
        const name = text[4].trim();
        close('key');
        if (name in dict) throw new Error(`duplicate key ${name}`);
        dict[name] = value();
      }
    }
    if (name === 'array') {
      const list: PlistValue[] = [];
      while (tokens[at] && !(tokens[at]?.[1] === '/' && tokens[at]?.[2] === 'array')) list.push(value());
      close('array');
      return list;
    }
    if (name === 'string' || name === 'integer' || name === 'real') {
      const text = tokens[at]?.[4] !== undefined ? (next()[4] as string) : '';
      close(name);
      if (name === 'string') return text;
      const number = Number(text.trim());
      if (!Number.isFinite(number)) throw new Error(`<${name}> holds "${text.trim()}", not a number`);
      return number;
    }
    throw new Error(`unknown element <${name}>`);
  };
  const close = (name: string) => {
    const token = next();
    if (token[1] !== '/' || token[2] !== name) throw new Error(`expected </${name}>, found ${token[0].trim()}`);
  };
  const root = value();
  if (at !== tokens.length) throw new Error('more than one root element in the property list');
  if (typeof root !== 'object' || Array.isArray(root)) throw new Error('the property list root is not a <dict>');
  return root;
}
