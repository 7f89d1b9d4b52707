// strato-agent: the composition root. Parses the configuration, connects to
// libvirtd, wires the image cache, instance manager, registry link and gRPC
// server together, and runs until SIGTERM/SIGINT. Guests keep running when the
// agent stops: a restarted agent finds them again (reconcile). Under systemd
// (Type=notify) it reports READY, its status and STOPPING, and feeds the watchdog
// while its event loop, heartbeats and resync turn (common/systemd/). Its health says
// NOT_SERVING for the Agent service while libvirt is unreachable (the network and
// storage services do not need it); Prometheus metrics are served on --metrics-listen.
import '../common/malloc-tunables.ts'; // must stay first: may re-execute the process
import { existsSync } from 'node:fs';
import { readFile, statfs } from 'node:fs/promises';
import { hostname } from 'node:os';
import { type DaemonCommand, helpHint, versionText } from '../common/daemon-flags.ts';
import { isStratoError } from '../common/errors.ts';
import type { ProtoGrpcType as AgentProto } from '../common/gen/agent.ts';
import type { ProtoGrpcType as AgentNetworkProto } from '../common/gen/agent_network.ts';
import type { ProtoGrpcType as AgentStorageProto } from '../common/gen/agent_storage.ts';
import type { ProtoGrpcType as HostProto } from '../common/gen/host.ts';
import type { AgentHandlers } from '../common/gen/strato/agent/v1/Agent.ts';
import type { AgentNetworkHandlers } from '../common/gen/strato/agent/v1/AgentNetwork.ts';
import type { AgentStorageHandlers } from '../common/gen/strato/agent/v1/AgentStorage.ts';
import { mtlsChannelCredentialsFrom, readTls } from '../common/grpc/credentials.ts';
import { HealthGate } from '../common/grpc/health-gate.ts';
import { MESSAGE_LIMITS } from '../common/grpc/message-limits.ts';
import { reloadableServerCredentials } from '../common/grpc/reloadable-credentials.ts';
import { StratoServer, serviceName } from '../common/grpc/server.ts';
import { log as rootLog } from '../common/log.ts';
import { startMetricsEndpoint } from '../common/metrics/metrics-server.ts';
import { tapName } from '../common/network-names.ts';
import { toGrpcObject } from '../common/proto.ts';
import { loadServicePackage } from '../common/proto-services.ts';
import { Liveness } from '../common/systemd/liveness.ts';
import { ServiceNotifier } from '../common/systemd/service-notifier.ts';
import { stopOnSignal } from '../common/systemd/stop-on-signal.ts';
import { armTestHangTrigger } from '../common/systemd/test-hang-trigger.ts';
import { packageVersion } from '../common/version.ts';
import { AgentHealth, gateOnHypervisor, LIBVIRT } from './agent-status.ts';
import { InstanceManager } from './compute/instance-manager.ts';
import { instancesDir } from './compute/instance-paths.ts';
import { Moves } from './compute/moves.ts';
import type { DiskTools } from './compute/spawn.ts';
import { type AgentConfig, detectVirtType, HELP, parseAgentCommand, parseHostPort, USAGE } from './config.ts';
import { writeConfigDrive } from './config-drive/config-drive-writer.ts';
import { fakeModeDrivers } from './fake-mode-drivers.ts';
import { LibvirtHypervisor } from './hypervisor/libvirt/libvirt-hypervisor.ts';
import { ImageCache } from './images/image-cache.ts';
import { createOverlay, overlaySizeBytes } from './images/overlay.ts';
import { agentMetrics } from './metrics/agent-metrics.ts';
import { hostHygieneMetrics } from './metrics/host-hygiene-metrics.ts';
import { hostLinkMetrics } from './metrics/host-link-metrics.ts';
import { instanceMetrics } from './metrics/instance-metrics.ts';
import { countNetworkApplies } from './metrics/network-metrics.ts';
import { dnsmasqGid } from './network/linux/dnsmasq-account.ts';
import { LinuxNetworkDriver } from './network/linux/linux-network-driver.ts';
import { openNetlink } from './network/netlink/netlink-client.ts';
import { NetworkState } from './network/network-state.ts';
import { resolveUnderlay } from './network/underlay-facts.ts';
import { registryLookup } from './metadata/metadata-lookup.ts';
import { MetadataProxies } from './metadata/metadata-proxies.ts';
import { namespaceSockets } from './metadata/namespace-socket.ts';
import { routerAddress } from './metadata/router-address.ts';
import { imagesInUse } from './reconcile/images-in-use.ts';
import { networkOrphans } from './reconcile/network-orphans.ts';
import { Reconciler } from './reconcile/reconciler.ts';
import { CertificateRenewal, finishPendingRenewal } from './registry/certificate-renewal.ts';
import { ConductorLink } from './registry/conductor-link.ts';
import { Registrar, type SelfReport } from './registry/registrar.ts';
import { RegistryImageSource } from './registry/registry-image-source.ts';
import { agentNetworkService } from './server/agent-network-service.ts';
import { agentService } from './server/agent-service.ts';
import { agentStorageService } from './server/agent-storage-service.ts';
import { infoToProto } from './server/storage-from-proto.ts';
import { ensureDir, GROUP_DIR_MODE, STATE_DIR_MODE } from './state-dir/file-access.ts';
import { startStorage } from './storage/start-storage.ts';

export interface RunningAgent {
  port: number;
  address: string;
  virtType: 'qemu' | 'kvm';
  /** What systemd's STATUS= says: serving, or degraded and why. */
  health: AgentHealth;
  /** Bound port of the metrics endpoint; undefined when off or not served. */
  metricsPort: number | undefined;
  stop(): Promise<void>;
}

/**
 * How late a loop's turn may be before the watchdog counts it stuck: a turn waits at
 * most for libvirtd (30 s, then UNAVAILABLE) and for the conductors (10 s a call, twice
 * per endpoint), so this is generous on top of the loop's own period.
 */
const LOOP_SLACK_MS = 180_000;

/** Heartbeat intervals without a conductor's answer after which its view is stale: no orphan is removed then. */
const STALE_AFTER_HEARTBEATS = 3;
/** How long calls on connections opened with a replaced certificate may still run (a spawn takes minutes). */
const RELOAD_GRACE_MS = 10 * 60_000;

const diskTools: DiskTools = { createOverlay, overlaySize: overlaySizeBytes, writeConfigDrive };

export async function startAgent(config: AgentConfig, liveness = new Liveness()): Promise<RunningAgent> {
  const log = rootLog.child({ hostId: config.hostId });
  const health = new AgentHealth(config.hostId, config.conductors[0]!);
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const virtType = detectVirtType(config.virtType, existsSync('/dev/kvm'), cpuinfo);
  const tls = { caFile: config.caFile, certFile: config.certFile, keyFile: config.keyFile };
  await finishPendingRenewal(tls, log);
  const material = await readTls(tls);
  // Reloadable: a renewed certificate is served without giving up the port (certificate-renewal.ts).
  const serverCreds = reloadableServerCredentials(material);
  const channelCreds = mtlsChannelCredentialsFrom(material);
  const pkg = loadServicePackage();
  const agentProto = toGrpcObject<AgentProto>(pkg);
  const hostProto = toGrpcObject<HostProto>(pkg);

  const metrics = agentMetrics();
  const links = hostLinkMetrics(metrics.registry);
  // TEST ONLY: fake hypervisor and network, no libvirtd or netlink (agent/fake-mode-drivers.ts).
  const fake = config.fakeHypervisor ? fakeModeDrivers(config.underlayIp) : undefined;
  if (fake) log.warn({}, 'FAKE hypervisor and network: test only, no guest runs');
  const hv =
    fake?.hv ??
    (await LibvirtHypervisor.connect({
      socketPath: config.libvirtSocket,
      log,
      onCallError: links.libvirtCallFailed,
    }));
  health.watchHypervisor(hv);
  links.watchLibvirt(hv);
  instanceMetrics(metrics.registry, { source: hv, connected: () => hv.connected });
  // Tenant data lives under the state dir: only root and the daemon account that opens
  // a file can reach it (state-dir/file-access.ts). QEMU enters instances/ and images/
  // through its group, dnsmasq the network dir through its own; set again at every
  // start, so a tree an older agent made world-readable is closed too.
  const guestGid = (await hv.guestProcessOwner(virtType)).gid;
  await ensureDir(config.stateDir, STATE_DIR_MODE);
  await ensureDir(instancesDir(config.stateDir), GROUP_DIR_MODE, guestGid);
  await ensureDir(config.networkStateDir, GROUP_DIR_MODE, fake ? guestGid : await dnsmasqGid());
  const netlink = fake ? undefined : links.countNetlinkErrors(await openNetlink());
  const facts =
    fake?.facts ??
    (await resolveUnderlay(
      { device: config.underlayDevice, ip: config.underlayIp, conductor: config.conductors[0]! },
      netlink!,
    ));
  const driver =
    fake?.driver ?? new LinuxNetworkDriver({ netlink: netlink!, facts, stateDir: config.networkStateDir, logger: log });
  const network = new NetworkState({
    driver: countNetworkApplies(metrics.registry, driver),
    dir: config.networkStateDir,
    linkExists: async (name) =>
      netlink
        ? (await netlink.findLink(name)) !== undefined
        : fake!.driver.state.ports.some((p) => tapName(p.portId) === name),
    log,
  });
  // A restarted agent re-applies what it last applied: zero steps when the host still matches.
  await network.restore().catch((err: unknown) => log.error({ err }, 'network state restore failed'));
  const link = new ConductorLink({
    endpoints: config.conductors,
    credentials: channelCreds,
    Registry: hostProto.strato.host.v1.Registry,
    log,
  });
  // The metadata service (169.254.169.254 in qdhcp/qrouter namespaces) follows every
  // applied network state, the restored one included; not in fake mode (no namespaces).
  const metadata = fake
    ? undefined
    : new MetadataProxies({
        lookup: registryLookup(link, config.hostId),
        sockets: namespaceSockets(),
        routerAddress: routerAddress(() => openNetlink()),
        log,
      });
  const syncMetadata = (): Promise<void> => metadata?.sync(network.state) ?? Promise.resolve();
  network.on('applied', () => void syncMetadata());
  void syncMetadata();
  const images = new ImageCache({
    dir: `${config.stateDir}/images`,
    source: new RegistryImageSource(link, config.hostId),
    log,
    guestGid,
    maxBytes: config.imageCacheMaxGiB * 1024 ** 3,
    maxAgeMs: config.imageCacheMaxAgeH * 3_600_000,
  });
  await images.init();
  const computeDeps = {
    hv,
    images,
    disks: fake?.disks ?? diskTools,
    stateDir: config.stateDir,
    virtType,
    availabilityZone: config.availabilityZone,
    acpiTimeoutS: config.acpiTimeoutS,
    wiring: network,
    portWaitMs: config.portWaitS * 1000,
    log,
    guestGid,
    diskReserveBytes: config.diskReserveMiB * 1024 ** 2,
  };
  const manager = new InstanceManager(computeDeps);

  const server = new StratoServer({ log, observeCall: metrics.grpc, messageLimits: MESSAGE_LIMITS.agent });
  const agentNetworkProto = toGrpcObject<AgentNetworkProto>(pkg);
  server
    .addService<AgentHandlers>(
      agentProto.strato.agent.v1.Agent.service,
      agentService(
        manager,
        undefined,
        new Moves({
          manager,
          deps: computeDeps,
          migrationAddress: config.migrationAddress ?? facts.underlayIp,
          tls,
        }),
      ),
    )
    .addService<AgentNetworkHandlers>(
      agentNetworkProto.strato.agent.v1.AgentNetwork.service,
      agentNetworkService({ hostId: config.hostId, state: network, manager }),
    )
    // Lists and describes only the agent's own services (storage's too, when added below).
    .addReflection();
  const storage =
    config.storage === undefined
      ? undefined
      : await startStorage(config.storage, { images, underlayIp: facts.underlayIp, log });
  if (storage !== undefined) {
    const storageProto = toGrpcObject<AgentStorageProto>(pkg).strato.agent.v1.AgentStorage;
    server.addService<AgentStorageHandlers>(storageProto.service, agentStorageService(storage.service));
  }
  const port = await server.listen(config.listen, serverCreds.credentials);
  // Guests need libvirt; networks and volumes do not, so AgentNetwork and AgentStorage keep serving.
  const gate = new HealthGate(
    [{ server, needs: { [serviceName(agentProto.strato.agent.v1.Agent.service)]: [LIBVIRT] } }],
    log,
  );
  gateOnHypervisor(gate, hv);
  if (!hv.connected) gate.set(LIBVIRT, 'libvirt unreachable');
  const metricsEndpoint = await startMetricsEndpoint(config.metricsListen, metrics.registry, log);
  const listenHost = parseHostPort('listen', config.listen, true).host;
  const wildcard = listenHost === '0.0.0.0' || listenHost === '[::]';
  const address = config.advertise ?? `${wildcard ? config.hostId : listenHost}:${port}`;

  const hygiene = hostHygieneMetrics(metrics.registry);
  const reconciler = new Reconciler({
    hv,
    manager,
    stateDir: config.stateDir,
    log,
    orphanGraceMs: config.orphanGraceS * 1000,
    orphanRemoval: config.orphanRemoval,
    staleAfterMs: (): number => STALE_AFTER_HEARTBEATS * registrar.heartbeatIntervalMs,
    countOnly: [
      // Before the conductor's first push nothing on the host network is judged (as for instances).
      async () => {
        const state = network.state;
        return state === undefined ? [] : networkOrphans(await driver.plan(state));
      },
      async () => (await storage?.orphanTargets())?.map((name) => ({ kind: 'tgtTargets' as const, name })) ?? [],
    ],
    cache: images,
    onPass: (r) => hygiene.orphans(r.counts, r.missingExpected.length),
  });
  const evictImages = async (): Promise<void> => {
    const { evicted, bytes } = await images.evict(await imagesInUse(config.stateDir, images.dir, log));
    hygiene.cache(bytes, evicted.length);
  };
  const renewal = new CertificateRenewal({
    hostId: config.hostId,
    files: tls,
    link,
    log,
    onRenewed: (m) => {
      link.setCredentials(mtlsChannelCredentialsFrom(m));
      serverCreds.reload(m);
      // Connections opened with the old certificate close (their calls get the grace):
      // the conductor reconnects and meets the new one.
      server.drainConnections(RELOAD_GRACE_MS);
      log.info({}, 'credentials reloaded');
    },
  });
  const heartbeats = liveness.register('heartbeat', () => LOOP_SLACK_MS + registrar.heartbeatIntervalMs);
  const resyncs = liveness.register('resync', LOOP_SLACK_MS + config.resyncIntervalS * 1000);
  const registrar = new Registrar({
    link,
    hostId: config.hostId,
    address,
    virtType,
    agentVersion: packageVersion(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    selfReport: (): SelfReport => ({
      degradedReasons: health.degradedReasons,
      instancesKnown: health.libvirtConnected,
      orphans: reconciler.counts,
    }),
    underlayIp: facts.underlayIp,
    roles: config.roles,
    ...(storage ? { storage: async () => infoToProto(await storage.service.info()) } : {}),
    manager,
    log,
    capacity: async () => {
      const res = await hv.hostResources();
      const fs = await statfs(config.stateDir);
      return {
        vcpus: config.capacity.vcpus ?? res.vcpus,
        ramMib: config.capacity.ramMiB ?? res.ramMiB,
        diskGib: config.capacity.diskGiB ?? Math.floor((fs.blocks * fs.bsize) / 1024 ** 3),
      };
    },
    renewCertificate: (asked) => renewal.maybeRenew(asked),
    onExpected: (ids, source) => {
      reconciler.setExpected(ids);
      if (source === 'register') void reconciler.pass().catch((err: unknown) => log.warn({ err }, 'reconcile failed'));
    },
    onTurn: (answered) => {
      heartbeats.beat();
      health.conductorTurn(answered, registrar.isRegistered, link.endpoint);
    },
  });
  hv.on('reconnected', () => {
    registrar.heartbeatNow();
    // A restarted libvirtd forgot the (ephemeral) volume secrets: put back what the agent holds.
    void reconciler.pass().catch((err: unknown) => log.warn({ err }, 'reconcile failed'));
  });
  registrar.start();
  const resync = setInterval(() => {
    reconciler
      .pass()
      .catch((err: unknown) => log.warn({ err }, 'reconcile failed'))
      .then(evictImages)
      .catch((err: unknown) => log.warn({ err }, 'image cache eviction failed'))
      .finally(() => resyncs.beat());
    network
      .reapply()
      .catch((err: unknown) => log.warn({ err }, 'network resync failed'))
      // Also catches a namespace that appeared or was made again since the last apply.
      .then(syncMetadata);
    registrar.heartbeatNow();
  }, config.resyncIntervalS * 1000);

  log.info(
    { address, port, virtType, conductors: config.conductors, stateDir: config.stateDir, underlay: facts },
    'agent started',
  );
  return {
    port,
    address,
    virtType,
    health,
    metricsPort: metricsEndpoint?.port,
    async stop() {
      clearInterval(resync);
      await metricsEndpoint?.close();
      heartbeats.retire();
      resyncs.retire();
      storage?.stop();
      await registrar.stop();
      await server.shutdown(5000);
      manager.close();
      await metadata?.close();
      link.close();
      // The host's links, rules and dnsmasq stay: guests keep their network while the agent is away.
      await network.close();
      await driver.close();
      await netlink?.close();
      await hv.close();
      log.info('agent stopped');
    },
  };
}

async function main(): Promise<void> {
  let command: DaemonCommand<AgentConfig>;
  try {
    command = parseAgentCommand(process.argv.slice(2), hostname(), process.env);
  } catch (err) {
    rootLog.fatal({ err: (err as Error).message }, 'invalid configuration');
    process.stderr.write(`strato-agent: ${(err as Error).message}\n${USAGE}\n${helpHint('strato-agent')}\n`);
    process.exit(2);
  }
  // Answers for the operator, not events of a service: plain text, no log line.
  if (command.kind === 'help') process.stdout.write(HELP);
  if (command.kind === 'version') process.stdout.write(versionText('strato-agent'));
  if (command.kind !== 'run') process.exit(0);
  const config = command.config;
  for (const d of command.deprecated) rootLog.warn(d, 'deprecated flag');
  const liveness = new Liveness();
  let agent: RunningAgent;
  try {
    agent = await startAgent(config, liveness);
  } catch (err) {
    const reason = isStratoError(err) ? err.reason : (err as NodeJS.ErrnoException).code;
    rootLog.fatal({ err, reason }, 'agent failed to start');
    process.exit(1);
  }
  const notifier = new ServiceNotifier({ log: rootLog, liveness, status: () => agent.health.status });
  agent.health.on('change', () => void notifier.refreshStatus());
  armTestHangTrigger(rootLog);
  stopOnSignal(notifier, () => agent.stop(), rootLog);
  await notifier.ready();
}

if (import.meta.main) await main();
