// Values cross the store boundary as JSON text: checked and measured once here so
// every backend accepts and refuses exactly the same values.
import { invalid } from './errors.ts';
import { STORE_LIMITS } from './store.ts';

export function encodeValue(value: unknown, key: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (err) {
    throw invalid('VALUE_INVALID', `value for ${key} is not JSON-serialisable: ${(err as Error).message}`, { key });
  }
  if (text === undefined) throw invalid('VALUE_INVALID', `value for ${key} is not JSON-serialisable`, { key });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > STORE_LIMITS.maxValueBytes) {
    throw invalid(
      'VALUE_TOO_LARGE',
      `value for ${key} is ${bytes} bytes of JSON, above ${STORE_LIMITS.maxValueBytes}`,
      {
        key,
        bytes: String(bytes),
      },
    );
  }
  return text;
}

export function decodeValue<T>(text: string): T {
  return JSON.parse(text) as T;
}
