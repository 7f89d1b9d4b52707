// Server credentials whose key and certificate can be replaced while the server
// runs: an agent that renewed its certificate serves every new connection with
// it without giving up its port (StratoServer.drainConnections then closes the
// connections opened with the old one). Built on grpc-js's certificate-provider
// credentials (its public `experimental` API), which re-create the listener's
// TLS context whenever the provider announces new material.
import { experimental, type ServerCredentials } from '@grpc/grpc-js';
import type { TlsMaterial } from './credentials.ts';

type CaListener = experimental.CaCertificateUpdateListener;
type IdentityListener = experimental.IdentityCertificateUpdateListener;

/** Holds the current material and tells grpc-js's listeners at once, and on every change. */
class TlsMaterialProvider implements experimental.CertificateProvider {
  private material: TlsMaterial;
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();

  constructor(material: TlsMaterial) {
    this.material = material;
  }

  set(material: TlsMaterial): void {
    this.material = material;
    for (const l of this.caListeners) l({ caCertificate: material.ca });
    for (const l of this.identityListeners) l({ certificate: material.cert, privateKey: material.key });
  }

  // Answered after the current turn: grpc-js 1.14 adds these listeners before
  // the server's own watcher, so an answer given at once reaches no server (and
  // the listener drops every connection as "credentials not loaded").
  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    queueMicrotask(() => {
      if (this.caListeners.has(listener)) listener({ caCertificate: this.material.ca });
    });
  }
  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }
  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    queueMicrotask(() => {
      if (this.identityListeners.has(listener)) {
        listener({ certificate: this.material.cert, privateKey: this.material.key });
      }
    });
  }
  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }
}

export interface ReloadableServerCredentials {
  /** Requires a client certificate signed by the CA, as mtlsServerCredentials. */
  credentials: ServerCredentials;
  /** New connections are served with `material` from now on; open ones keep theirs. */
  reload(material: TlsMaterial): void;
}

export function reloadableServerCredentials(material: TlsMaterial): ReloadableServerCredentials {
  const provider = new TlsMaterialProvider(material);
  // One provider gives both the CA and the identity: grpc-js 1.14 passes this
  // function's two provider arguments to the constructor in swapped order, which
  // is harmless only so.
  const credentials = experimental.createCertificateProviderServerCredentials(provider, provider, true);
  return { credentials, reload: (m) => provider.set(m) };
}
