// Every kind of host work the driver can do, as plain data: planners return these,
// execute.ts performs them one by one.

export type Step =
  | { kind: 'create-bridge'; name: string; mtu: number }
  | { kind: 'create-vxlan'; name: string; vni: number; local: string; dev: string; mtu: number; bridge: string }
  | { kind: 'create-tap'; name: string; mac: string; mtu: number; bridge: string }
  | {
      kind: 'create-veth-port';
      name: string;
      guestIf: string;
      namespace: string;
      mac: string;
      mtu: number;
      bridge: string;
    }
  | { kind: 'set-mtu'; link: string; mtu: number; namespace?: string }
  | { kind: 'set-master'; link: string; master: string }
  | { kind: 'set-up'; link: string; namespace?: string }
  | { kind: 'delete-link'; name: string; namespace?: string }
  | { kind: 'fdb-append'; dev: string; dst: string }
  | { kind: 'fdb-delete'; dev: string; dst: string }
  | {
      kind: 'write-dhcp-files';
      networkId: string;
      dir: string;
      hostsPath: string;
      hosts: string;
      optsPath: string;
      opts: string;
    }
  /** `adopt`: a namespace of that name already there is taken over (a router whose state dir was lost). */
  | { kind: 'create-namespace'; name: string; adopt?: boolean }
  | {
      kind: 'create-dhcp-veth';
      namespace: string;
      hostEnd: string;
      nsEnd: string;
      mac: string;
      mtu: number;
      bridge: string;
    }
  /** `announce`: send a gratuitous ARP for it afterwards (a router's external addresses). */
  | { kind: 'add-address'; namespace: string; link: string; cidr: string; announce?: boolean }
  | { kind: 'delete-address'; namespace: string; link: string; cidr: string }
  | { kind: 'start-dnsmasq'; networkId: string; namespace: string; argv: string[]; pidFile: string }
  | { kind: 'reload-dnsmasq'; networkId: string; pid: number }
  | { kind: 'stop-dnsmasq'; networkId: string; pid: number }
  | { kind: 'delete-namespace'; name: string }
  | { kind: 'remove-dhcp-state'; networkId: string; dir: string }
  | { kind: 'nft'; script: string; changes: string[] }
  | { kind: 'write-router-state'; routerId: string; dir: string }
  | {
      kind: 'create-router-veth';
      namespace: string;
      hostEnd: string;
      nsEnd: string;
      mac: string;
      mtu: number;
      bridge: string;
    }
  | { kind: 'router-nat'; namespace: string; script: string; hash: string }
  | { kind: 'enable-forwarding'; namespace: string }
  | { kind: 'set-default-route'; namespace: string; via: string; dev: string }
  | { kind: 'delete-default-route'; namespace: string }
  | { kind: 'remove-router-state'; routerId: string; dir: string };
