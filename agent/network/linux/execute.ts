// Performs planned steps, one at a time, through the netlink client, the file system,
// dnsmasq and nft. The first failure stops the run; the next apply re-observes and
// plans again from wherever the host got to.
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isStratoError } from '../../../common/errors.ts';
import { ensureDir, GROUP_DIR_MODE, GROUP_READ_MODE, writeFileAtomic } from '../../state-dir/file-access.ts';
import type { Netlink } from '../netlink/netlink.ts';
import { dnsmasqGid } from './dnsmasq-account.ts';
import { dnsmasqPaths } from './dnsmasq-config.ts';
import { reloadDnsmasq, startDnsmasq, stopDnsmasq } from './dnsmasq-process.ts';
import { nftApply } from './nft.ts';
import { VXLAN_PORT } from './resolve.ts';
import { announceAddress, deleteDefaultRoute, enableForwarding, replaceDefaultRoute } from './router-ns.ts';
import type { Step } from './steps.ts';

export interface ExecuteContext {
  /** Handle acting in the host's namespace. */
  netlink: Netlink;
  /** Named namespace of the host (simulated hosts), undefined for the agent's own. */
  hostNamespace: string | undefined;
  stateDir: string;
}

export async function executeStep(step: Step, ctx: ExecuteContext): Promise<void> {
  const nl = ctx.netlink;
  switch (step.kind) {
    case 'create-bridge':
      return nl.createBridge(step.name, { mtu: step.mtu, up: true });
    case 'create-vxlan':
      return nl.createVxlan(
        step.name,
        { vni: step.vni, local: step.local, dev: step.dev, port: VXLAN_PORT, learning: false },
        { mtu: step.mtu, master: step.bridge, up: true },
      );
    case 'create-tap':
      return nl.createTap(step.name, { persist: true, mac: step.mac, mtu: step.mtu, master: step.bridge, up: true });
    case 'create-veth-port':
      // Made in the host namespace, then moved: the MAC option applies to the first end.
      await nl.createVeth(step.guestIf, step.name, { mac: step.mac, mtu: step.mtu });
      await nl.setMaster(step.name, step.bridge);
      await nl.setUp(step.name, true);
      await nl.moveToNamespace(step.guestIf, step.namespace);
      return nl.inNamespace(step.namespace).setUp(step.guestIf, true);
    case 'set-mtu':
      return (step.namespace === undefined ? nl : nl.inNamespace(step.namespace)).setMtu(step.link, step.mtu);
    case 'set-master':
      return nl.setMaster(step.link, step.master);
    case 'set-up':
      return (step.namespace === undefined ? nl : nl.inNamespace(step.namespace)).setUp(step.link, true);
    case 'delete-link':
      return (step.namespace === undefined ? nl : nl.inNamespace(step.namespace)).deleteLink(step.name, {
        ignoreMissing: true,
      });
    case 'fdb-append':
      return nl.appendFdb({ dev: step.dev, mac: '00:00:00:00:00:00', dst: step.dst });
    case 'fdb-delete':
      return nl.deleteFdb({ dev: step.dev, mac: '00:00:00:00:00:00', dst: step.dst }, { ignoreMissing: true });
    case 'write-dhcp-files': {
      // dnsmasq re-reads them on SIGHUP as its own account: it, and no other, enters
      // every directory from the state dir down and reads the files, through its group.
      const gid = await dnsmasqGid();
      for (const dir of [ctx.stateDir, dirname(step.dir), step.dir]) await ensureDir(dir, GROUP_DIR_MODE, gid);
      await writeFileAtomic(step.hostsPath, step.hosts, GROUP_READ_MODE, gid);
      await writeFileAtomic(step.optsPath, step.opts, GROUP_READ_MODE, gid);
      return;
    }
    case 'create-namespace':
      try {
        await nl.createNamespace(step.name);
      } catch (err) {
        if (!step.adopt || !isStratoError(err, 'ALREADY_EXISTS')) throw err;
      }
      return nl.inNamespace(step.name).setUp('lo', true);
    case 'create-router-veth':
    case 'create-dhcp-veth': {
      // Created in the host namespace and then moved: the MAC option sets the first
      // end, and the host namespace may be the agent's own, which has no name to target.
      await nl.createVeth(step.nsEnd, step.hostEnd, { mac: step.mac, mtu: step.mtu });
      await nl.moveToNamespace(step.nsEnd, step.namespace);
      await nl.setMaster(step.hostEnd, step.bridge);
      await nl.setUp(step.hostEnd, true);
      return nl.inNamespace(step.namespace).setUp(step.nsEnd, true);
    }
    case 'add-address':
      await nl.inNamespace(step.namespace).addAddress(step.link, step.cidr);
      if (step.announce) announceAddress(step.namespace, step.link, step.cidr.split('/')[0]!);
      return;
    case 'delete-address':
      return nl.inNamespace(step.namespace).deleteAddress(step.link, step.cidr, { ignoreMissing: true });
    case 'start-dnsmasq':
      await startDnsmasq(step.namespace, step.argv, step.pidFile);
      return;
    case 'reload-dnsmasq':
      return reloadDnsmasq(step.pid);
    case 'stop-dnsmasq':
      return stopDnsmasq(step.pid, dnsmasqPaths(ctx.stateDir, step.networkId).pidFile);
    case 'delete-namespace':
      return nl.deleteNamespace(step.name, { ignoreMissing: true });
    case 'remove-dhcp-state':
      return rm(step.dir, { recursive: true, force: true });
    case 'nft':
      return nftApply(step.script, ctx.hostNamespace);
    case 'write-router-state':
      // Only the agent reads it: it marks the namespace as this host's.
      await mkdir(step.dir, { recursive: true, mode: 0o700 });
      return;
    case 'router-nat':
      return nftApply(step.script, step.namespace);
    case 'enable-forwarding':
      return enableForwarding(step.namespace);
    case 'set-default-route':
      return replaceDefaultRoute(step.namespace, step.via, step.dev);
    case 'delete-default-route':
      return deleteDefaultRoute(step.namespace);
    case 'remove-router-state':
      return rm(step.dir, { recursive: true, force: true });
  }
}
