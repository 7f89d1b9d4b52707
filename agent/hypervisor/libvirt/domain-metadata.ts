// Reading strato's <metadata> back out of a domain: how a restarted agent learns which
// domains on the host are strato instances and what each holds. Accepts a whole
// domain XML (virDomainGetXMLDesc) or just the element (virDomainGetMetadata), in
// whatever shape libvirt re-serialised it: the element is found by namespace URI,
// not prefix, and children by local name, because virDomainSetMetadata puts only the
// root element into the namespace.
import { StratoError } from '../../../common/errors.ts';
import type { InstanceMetadata } from '../instance-metadata.ts';
import type { PortMode } from '../instance-spec.ts';
import { INSTANCE_SPEC_VERSION } from '../instance-spec.ts';
import { localName, type ParsedElement, parseXml } from './domain-xml-parse.ts';

export const METADATA_NAMESPACE = 'https://strato.io/xmlns/instance/1';
/** Prefix in the XML we write, and the `key` for virDomainSetMetadata. */
export const METADATA_PREFIX = 'strato';

function invalid(message: string, cause?: unknown): StratoError {
  return new StratoError('DATA_LOSS', 'DOMAIN_METADATA_INVALID', `strato domain metadata: ${message}`, { cause });
}

/** The namespace URI `name`'s prefix is bound to at `node` (ancestors first). */
function namespaceOf(name: string, scopes: ParsedElement[]): string | undefined {
  const i = name.indexOf(':');
  const key = i < 0 ? 'xmlns' : `xmlns:${name.slice(0, i)}`;
  for (let s = scopes.length - 1; s >= 0; s--) {
    const uri = scopes[s]!.attrs[key];
    if (uri !== undefined) return uri;
  }
  return undefined;
}

function findInstanceElement(root: ParsedElement): ParsedElement | undefined {
  // virDomainGetMetadata(uri) returns the element with its namespace stripped
  // (`<instance …>`): the caller already chose the namespace by asking for it.
  if (localName(root.name) === 'instance') {
    const ns = namespaceOf(root.name, [root]);
    return ns === undefined || ns === METADATA_NAMESPACE ? root : undefined;
  }
  if (root.name !== 'domain') return undefined;
  for (const metadata of root.children.filter((c) => c.name === 'metadata')) {
    for (const child of metadata.children) {
      if (
        localName(child.name) === 'instance' &&
        namespaceOf(child.name, [root, metadata, child]) === METADATA_NAMESPACE
      ) {
        return child;
      }
    }
  }
  return undefined;
}

function attr(node: ParsedElement, key: string): string {
  const v = node.attrs[key];
  if (v === undefined) throw invalid(`<${localName(node.name)}> lacks ${key}`);
  return v;
}

function intAttr(node: ParsedElement, key: string): number {
  const raw = attr(node, key);
  if (!/^[0-9]{1,10}$/.test(raw)) throw invalid(`<${localName(node.name)}> ${key} is not an integer`);
  return Number(raw);
}

function child(node: ParsedElement, local: string): ParsedElement {
  const c = node.children.find((x) => localName(x.name) === local);
  if (!c) throw invalid(`<${localName(node.name)}> lacks <${local}>`);
  return c;
}

function items(node: ParsedElement, list: string, item: string): ParsedElement[] {
  return child(node, list).children.filter((x) => localName(x.name) === item);
}

function portMode(node: ParsedElement): PortMode {
  const mode = attr(node, 'mode');
  if (mode !== 'bridge' && mode !== 'ethernet') throw invalid(`unknown port mode ${JSON.stringify(mode)}`);
  return mode;
}

/**
 * strato's metadata from a domain XML or a bare metadata element. Returns undefined
 * when the domain carries none (not a strato domain). Throws DATA_LOSS
 * (DOMAIN_METADATA_INVALID) for unparseable or incomplete metadata and
 * FAILED_PRECONDITION (DOMAIN_METADATA_UNSUPPORTED_VERSION) when a newer agent wrote it.
 */
export function parseDomainMetadata(xml: string): InstanceMetadata | undefined {
  let root: ParsedElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw invalid('not well-formed XML', err);
  }
  const inst = findInstanceElement(root);
  if (!inst) return undefined;
  const specVersion = intAttr(inst, 'specVersion');
  if (specVersion > INSTANCE_SPEC_VERSION) {
    throw new StratoError(
      'FAILED_PRECONDITION',
      'DOMAIN_METADATA_UNSUPPORTED_VERSION',
      `strato domain metadata has spec version ${specVersion}; this agent understands up to ${INSTANCE_SPEC_VERSION}`,
      { details: { specVersion: String(specVersion) } },
    );
  }
  const flavor = child(inst, 'flavor');
  return {
    specVersion,
    instanceId: attr(inst, 'id'),
    name: attr(inst, 'name'),
    projectId: attr(inst, 'projectId'),
    imageId: attr(inst, 'imageId'),
    createdAt: attr(inst, 'createdAt'),
    flavor: {
      name: attr(flavor, 'name'),
      vcpus: intAttr(flavor, 'vcpus'),
      ramMiB: intAttr(flavor, 'ramMiB'),
      diskGiB: intAttr(flavor, 'diskGiB'),
    },
    ports: items(inst, 'ports', 'port').map((p) => ({
      id: attr(p, 'id'),
      mac: attr(p, 'mac'),
      networkId: attr(p, 'networkId'),
      tap: attr(p, 'tap'),
      bridge: attr(p, 'bridge'),
      mode: portMode(p),
    })),
    volumes: items(inst, 'volumes', 'volume').map((v) => ({ id: attr(v, 'id'), target: attr(v, 'target') })),
  };
}
