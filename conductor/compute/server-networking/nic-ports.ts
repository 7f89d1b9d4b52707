// A server's ports in the networking model: made or claimed for it, bound to
// its host, let go. Ports made for a server belong to the server's project,
// sit in its default security group and carry the instance id as device id
// from the moment they exist, so a port made just before a crash is found
// again (adopted or deleted) by that id.
import type { Logger } from '../../../common/log.ts';
import type { Principal } from '../../identity/model.ts';
import { recordPrefix } from '../../network/keys.ts';
import type { PortRecord } from '../../network/model.ts';
import type { Networking } from '../../network/networking.ts';
import { listAll } from '../../store/list-all.ts';
import type { InstanceNic, NicOwner, NicPorts } from '../nics.ts';

export const DEVICE_OWNER = 'compute:strato';

export function nicPorts(net: Networking, log: Logger): NicPorts {
  return {
    async allocate(owner, nics) {
      const known = new Set(nics.map((n) => n.portId).filter((id) => id !== ''));
      const orphans = nics.some((n) => n.portId === '')
        ? (await portsOf(net, owner.id, owner.projectId)).filter((p) => !known.has(p.id))
        : [];
      const out: InstanceNic[] = [];
      for (const nic of nics) {
        let port: PortRecord;
        if (nic.portId !== '') {
          const current = await net.ports.getById(nic.portId);
          // Already bound to this owner (a repeat): keep its host binding.
          port = await net.ports.bind(nic.portId, {
            deviceId: owner.id,
            deviceOwner: DEVICE_OWNER,
            bindingHost: current?.deviceId === owner.id ? current.bindingHost : '',
          });
        } else {
          const i = orphans.findIndex(
            (p) =>
              p.networkId === nic.networkId && (nic.fixedIp === '' || p.fixedIps.some((f) => f.ip === nic.fixedIp)),
          );
          const adopted = i >= 0 ? orphans.splice(i, 1)[0] : undefined;
          port = adopted ?? (await createPort(net, owner, nic));
        }
        out.push({ ...nic, portId: port.id, mac: port.mac, ips: port.fixedIps.map((f) => f.ip) });
      }
      return out;
    },

    async bindHost(ownerId, nics, hostId) {
      for (const n of nics) {
        if (n.portId === '') continue;
        await net.ports.bind(n.portId, { deviceId: ownerId, deviceOwner: DEVICE_OWNER, bindingHost: hostId });
      }
    },

    async bindMigrating(ownerId, nics, hostId) {
      for (const n of nics) {
        if (n.portId === '') continue;
        const p = await net.ports.getById(n.portId);
        if (!p) continue;
        await net.ports.bind(n.portId, {
          deviceId: ownerId,
          deviceOwner: DEVICE_OWNER,
          bindingHost: p.bindingHost,
          migrationHost: hostId,
        });
      }
    },

    async release(owner, nics, orphans) {
      const ownerId = owner.id;
      const named = new Set<string>();
      for (const n of nics) {
        if (n.portId === '') continue;
        named.add(n.portId);
        if (n.owned) await net.ports.deleteById(n.portId);
        else await unbindIfThere(net, n.portId, ownerId);
      }
      if (!orphans) return;
      for (const p of await portsOf(net, ownerId, owner.projectId)) {
        if (named.has(p.id)) continue;
        log.info({ instanceId: ownerId, portId: p.id }, 'deleting a port made for the server but never recorded');
        await net.ports.deleteById(p.id);
      }
    },
  };
}

/** The principal the workflows act as: the server's project, no admin powers. */
function ownerPrincipal(o: NicOwner): Principal {
  return {
    userId: o.userId,
    userName: '',
    projectId: o.projectId,
    projectName: '',
    role: 'member',
    tokenHash: '',
    expiresAtMs: 0,
  };
}

/** A port on the NIC's network, the owner's from the start (trusted: the workflows bind it later). */
function createPort(net: Networking, owner: NicOwner, nic: InstanceNic): Promise<PortRecord> {
  return net.ports.create(
    ownerPrincipal(owner),
    {
      name: '',
      network: nic.networkId,
      fixedIps: nic.fixedIp === '' ? [] : [{ subnet: '', ipAddress: nic.fixedIp }],
      securityGroups: [],
      noSecurityGroups: false,
      macAddress: '',
      deviceId: owner.id,
      deviceOwner: DEVICE_OWNER,
      bindingHost: '',
    },
    true,
  );
}

/**
 * Ports compute bound to `ownerId` (a scan: fine at this scale, an index when
 * it is not). Device owner and project must match too: a user may write any
 * device_id on a port of their own, which must not make it the server's.
 */
async function portsOf(net: Networking, ownerId: string, projectId: string): Promise<PortRecord[]> {
  const all = await listAll<PortRecord>(net.ctx.store, recordPrefix('ports'));
  return all.entries
    .map((e) => e.value)
    .filter((p) => p.deviceId === ownerId && p.deviceOwner === DEVICE_OWNER && p.projectId === projectId);
}

async function unbindIfThere(net: Networking, portId: string, ownerId: string): Promise<void> {
  if (!(await net.ports.getById(portId))) return;
  try {
    await net.ports.unbind(portId, ownerId);
  } catch (err) {
    // Deleted in between: nothing to unbind.
    if (!(await net.ports.getById(portId))) return;
    throw err;
  }
}
