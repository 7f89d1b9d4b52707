// strato-conductor: the composition root. It wires the store, identity, images,
// flavors, hosts, the scheduler's claimer, the agent clients, networking (with
// the pusher that keeps every agent's network state current) and the compute
// workflows into two gRPC servers — the public API (TLS, or plain text on
// loopback only; bearer tokens say who calls, and one policy hook decides what
// they may call) and the agents' registry (mutual TLS; certificates say which
// host calls) — resumes unfinished workflows, and shuts down cleanly on SIGTERM/SIGINT.
// Under systemd (Type=notify) it reports READY, its status and STOPPING, and feeds the
// watchdog while its loops turn (common/systemd/). Its health service says NOT_SERVING
// while the store is unusable (health/store-health.ts); Prometheus metrics are served
// on --metrics-listen (metrics/).
import '../common/malloc-tunables.ts'; // must stay first: may re-execute the process
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerCredentials } from '@grpc/grpc-js';
import { type DaemonCommand, helpHint, versionText } from '../common/daemon-flags.ts';
import type { ProtoGrpcType as AgentProto } from '../common/gen/agent.ts';
import type { ProtoGrpcType as AgentNetworkProto } from '../common/gen/agent_network.ts';
import type { ProtoGrpcType as AgentStorageProto } from '../common/gen/agent_storage.ts';
import type { ProtoGrpcType as FlavorProto } from '../common/gen/flavor.ts';
import type { ProtoGrpcType as HostProto } from '../common/gen/host.ts';
import type { ProtoGrpcType as IdentityProto } from '../common/gen/identity.ts';
import type { ProtoGrpcType as ImageProto } from '../common/gen/image.ts';
import type { ProtoGrpcType as KeyPairProto } from '../common/gen/keypair.ts';
import type { ProtoGrpcType as NetworkProto } from '../common/gen/network.ts';
import type { ProtoGrpcType as RouterProto } from '../common/gen/router.ts';
import type { ProtoGrpcType as QuotaProto } from '../common/gen/quota.ts';
import type { ProtoGrpcType as ServerProto } from '../common/gen/server.ts';
import type { ProtoGrpcType as ServerConsoleProto } from '../common/gen/server_console.ts';
import type { ProtoGrpcType as ServerMoveProto } from '../common/gen/server_move.ts';
import type { FlavorsHandlers } from '../common/gen/strato/compute/v1/Flavors.ts';
import type { KeyPairsHandlers } from '../common/gen/strato/compute/v1/KeyPairs.ts';
import type { ServerConsolesHandlers } from '../common/gen/strato/compute/v1/ServerConsoles.ts';
import type { ServerMovesHandlers } from '../common/gen/strato/compute/v1/ServerMoves.ts';
import type { ServersHandlers } from '../common/gen/strato/compute/v1/Servers.ts';
import type { ServerVolumesHandlers } from '../common/gen/strato/compute/v1/ServerVolumes.ts';
import type { HostCertificatesHandlers } from '../common/gen/strato/host/v1/HostCertificates.ts';
import type { HostsHandlers } from '../common/gen/strato/host/v1/Hosts.ts';
import type { RegistryHandlers } from '../common/gen/strato/host/v1/Registry.ts';
import type { IdentityHandlers } from '../common/gen/strato/identity/v1/Identity.ts';
import type { QuotasHandlers } from '../common/gen/strato/identity/v1/Quotas.ts';
import type { ImagesHandlers } from '../common/gen/strato/image/v1/Images.ts';
import type { FloatingIpsHandlers } from '../common/gen/strato/network/v1/FloatingIps.ts';
import type { NetworksHandlers } from '../common/gen/strato/network/v1/Networks.ts';
import type { PortsHandlers } from '../common/gen/strato/network/v1/Ports.ts';
import type { RoutersHandlers } from '../common/gen/strato/network/v1/Routers.ts';
import type { SecurityGroupsHandlers } from '../common/gen/strato/network/v1/SecurityGroups.ts';
import type { SubnetsHandlers } from '../common/gen/strato/network/v1/Subnets.ts';
import type { VolumeSnapshotsHandlers } from '../common/gen/strato/volume/v1/VolumeSnapshots.ts';
import type { VolumesHandlers } from '../common/gen/strato/volume/v1/Volumes.ts';
import type { ProtoGrpcType as VolumeProto } from '../common/gen/volume.ts';
import { insecureServerCredentials, mtlsServerCredentials, readTls } from '../common/grpc/credentials.ts';
import { allServicesNeed, HealthGate } from '../common/grpc/health-gate.ts';
import { MESSAGE_LIMITS } from '../common/grpc/message-limits.ts';
import { StratoServer } from '../common/grpc/server.ts';
import { log } from '../common/log.ts';
import { parseMetricsListen } from '../common/metrics/metrics-listen.ts';
import { startMetricsEndpoint } from '../common/metrics/metrics-server.ts';
import { toGrpcObject } from '../common/proto.ts';
import { loadServicePackage } from '../common/proto-services.ts';
import { Liveness } from '../common/systemd/liveness.ts';
import { ServiceNotifier } from '../common/systemd/service-notifier.ts';
import { stopOnSignal } from '../common/systemd/stop-on-signal.ts';
import { armTestHangTrigger } from '../common/systemd/test-hang-trigger.ts';
import { AgentConsolePool } from './agents/agent-console.ts';
import { AgentPool } from './agents/agent-pool.ts';
import { VolumeAgentPool } from './agents/volume-agent-pool.ts';
import { assertPolicyCovers, policyHook } from './api/call-policy.ts';
import { flavorsApi } from './api/flavors-api.ts';
import { hostCertificatesApi } from './api/host-certificates-api.ts';
import { hostsApi } from './api/hosts-api.ts';
import { identityApi } from './api/identity-api.ts';
import { imagesApi } from './api/images-api.ts';
import { keyPairsApi } from './api/keypairs-api.ts';
import { networkApis } from './api/network-apis.ts';
import { quotasApi } from './api/quotas-api.ts';
import { registryApi } from './api/registry-api.ts';
import { validatePublicRequest } from './api/schemas/request-check.ts';
import { serverConsolesApi } from './api/server-console-api.ts';
import { serverMovesApi } from './api/server-moves-api.ts';
import { serverVolumesApi } from './api/server-volumes-api.ts';
import { serversApi } from './api/servers-api.ts';
import { hideStoreErrors } from './api/store-errors.ts';
import { volumeSnapshotsApi } from './api/volume-snapshots-api.ts';
import { volumesApi } from './api/volumes-api.ts';
import { AgentDialGuard } from './certificates/agent-dial-guard.ts';
import { CertificateAuthority } from './certificates/certificate-authority.ts';
import { CertificateView } from './certificates/certificate-view.ts';
import { HostCertificateBook } from './certificates/host-certificate-book.ts';
import { catalogFrom } from './compute/catalog.ts';
import { ComputeService } from './compute/compute-service.ts';
import { HostEvacuator } from './compute/evacuate.ts';
import { StaleCopies } from './compute/evacuate-stale.ts';
import { HostReports } from './compute/host-reports.ts';
import { MoveService } from './compute/move-service.ts';
import { serverHoldings } from './compute/project-holdings.ts';
import { InstanceMetadata } from './compute/instance-metadata.ts';
import { storeServerNetworking } from './compute/server-networking/store-server-networking.ts';
import { instanceUsage } from './compute/usage.ts';
import { WorkflowDriver } from './compute/workflow-driver.ts';
import { conductorStatus } from './conductor-status.ts';
import {
  type ConductorConfig,
  caFiles,
  HELP,
  loadCommand,
  publicTlsFiles,
  resolveConfig,
  tlsFiles,
  USAGE,
} from './config.ts';
import { createFlavorCatalog } from './flavors/flavors.ts';
import { StoreHealth } from './health/store-health.ts';
import { HostRegistry } from './hosts/host-registry.ts';
import { bootstrapAdmin } from './identity/bootstrap.ts';
import { createIdentity } from './identity/identity.ts';
import { createImageRegistry } from './images/images.ts';
import { imageHoldings } from './images/project-holdings.ts';
import { snapshotImages } from './images/snapshot-image.ts';
import { KeyPairs } from './keypairs/keypairs.ts';
import { keyPairHoldings } from './keypairs/project-holdings.ts';
import { clusterMetrics } from './metrics/cluster-metrics.ts';
import { conductorMetrics } from './metrics/conductor-metrics.ts';
import { ServerStates } from './metrics/server-states.ts';
import { createNetworking } from './network/networking.ts';
import { networkHoldings } from './network/project-holdings.ts';
import { storeRouterHosts } from './network/router-hosts.ts';
import { floatingIpUsage, networkUsage, portUsage, routerUsage, securityGroupUsage } from './network/usage.ts';
import { AgentNetworkPool } from './network-push/agent-network-pool.ts';
import { NetworkPusher } from './network-push/network-pusher.ts';
import { MetadataHosts } from './network/metadata-hosts.ts';
import { DEFAULT_LIMITS } from './quotas/model.ts';
import { Quotas } from './quotas/quotas.ts';
import { backfillUsage } from './quotas/usage-backfill.ts';
import { StoreClaimer } from './scheduler/store-claimer.ts';
import { SqliteStore } from './store/sqlite/sqlite-store.ts';
import { BlockStorage } from './volumes/block-storage.ts';
import { volumeHoldings } from './volumes/project-holdings.ts';
import { serverVolumes } from './volumes/server-volumes.ts';
import { snapshotUsage, volumeUsage } from './volumes/usage.ts';

type Proto = AgentProto &
  AgentNetworkProto &
  AgentStorageProto &
  FlavorProto &
  HostProto &
  IdentityProto &
  ImageProto &
  KeyPairProto &
  NetworkProto &
  QuotaProto &
  RouterProto &
  ServerProto &
  ServerConsoleProto &
  ServerMoveProto &
  VolumeProto;

export interface Conductor {
  config: ConductorConfig;
  /** Bound ports (useful with port 0). */
  publicPort: number;
  registryPort: number;
  adminPasswordFile: string;
  /** Bound port of the metrics endpoint; undefined when off or not served. */
  metricsPort: number | undefined;
  /** One line for systemd's STATUS=: "serving, 3 hosts up", or why it cannot. */
  status(): Promise<string>;
  /** Graceful: stop taking calls, let running ones finish, stop workflows (resumed on the next start), close the store. */
  stop(): Promise<void>;
}

export async function startConductor(partial: Partial<ConductorConfig>): Promise<Conductor> {
  const config = resolveConfig(partial);
  const clog = log.child({ component: 'conductor' });
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const tls = tlsFiles(config);
  const tlsMaterial = await readTls(tls);
  const publicCreds = await publicCredentials(config);
  const registryCreds = await mtlsServerCredentials(tls);
  // Without ca.key here the conductor checks and revokes host certificates but issues none.
  const ca = await CertificateAuthority.load(caFiles(config));

  const sqlite = new SqliteStore({ path: join(config.dataDir, 'state.db') });
  const cleanups: Array<() => Promise<void> | void> = [() => sqlite.close()];
  const metrics = conductorMetrics();
  let gate: HealthGate | undefined;
  // Everyone uses the store through storeHealth, which watches how its writes fare.
  const storeHealth = new StoreHealth({ store: sqlite, onChange: (p) => gate?.set('store', p), log: clog });
  cleanups.push(() => storeHealth.close());
  const store = storeHealth.store;
  const stopAll = async () => {
    for (const f of cleanups.reverse()) await f();
  };
  try {
    const timing = { heartbeatIntervalMs: config.heartbeatIntervalS * 1000, downTimeMs: config.downTimeS * 1000 };
    const quotas = new Quotas({ store, defaults: { ...DEFAULT_LIMITS, ...config.quotaDefaults } });
    const networking = createNetworking({
      store,
      underlayMtu: config.underlayMtu,
      quotas,
      routerHosts: storeRouterHosts({ store, downTimeMs: timing.downTimeMs }),
    });
    const keyPairs = new KeyPairs({ store });
    const identity = createIdentity({
      store,
      tokenTtlMs: config.tokenTtlS * 1000,
      // A project and its default security group are written together, and deleted together.
      projectResources: (projectId) => networking.securityGroups.defaultGroupOps(projectId),
      projectRemoval: async (projectId) => {
        const group = await networking.securityGroups.defaultGroupRemoval(projectId);
        return { compares: group.compares, ops: [...group.ops, ...quotas.projectRemovalOps(projectId)] };
      },
      // Key pairs are their user's alone: nobody else could delete them once the user is gone.
      userRemoved: (userId) => keyPairs.removeAllOf(userId),
    });
    // Users of stores from before role assignments get theirs before anyone can log in.
    await identity.migrate();
    const adminPasswordFile = join(config.dataDir, 'admin-password');
    await bootstrapAdmin(identity, { passwordFile: adminPasswordFile });
    // Records from before quotas are counted once, before anything can create or delete
    // (and before the default groups below, which count on what was counted).
    await backfillUsage(
      store,
      [
        instanceUsage,
        volumeUsage,
        snapshotUsage,
        networkUsage,
        portUsage,
        securityGroupUsage,
        routerUsage,
        floatingIpUsage,
      ],
      await identity.projectIds(),
      clog,
    );
    // Projects from before that rule get their default group now, before any call can need it.
    await networking.securityGroups.ensureDefaults(await identity.projectIds());
    cleanups.push(identity.startTokenSweeper());
    const images = await createImageRegistry({ store, dataDir: config.dataDir });
    const flavors = createFlavorCatalog({ store });
    const hosts = new HostRegistry({ store, timing, allocationRatio: config.allocationRatio });
    // Every agent call and every call to an agent is checked against the hosts' certificate records.
    const certView = new CertificateView(store, clog);
    cleanups.push(() => certView.close());
    await certView.start();
    const certs = new HostCertificateBook({
      store,
      view: certView,
      ca,
      defaultValidityDays: config.certificateValidityDays,
      log: clog,
      onCutOff: (hostId) => hosts.markDown(hostId),
    });
    const agentCreds = new AgentDialGuard(certView, clog).channelCredentials(tlsMaterial);
    if (!ca) clog.warn({ keyFile: caFiles(config).keyFile }, 'no CA key: host certificates are checked, not issued');
    const claimer = new StoreClaimer(store, { hosts: hosts.hostSource(), ...timing, observer: metrics.scheduler });
    cleanups.push(() => claimer.close());
    // Loads the scheduler's index now rather than on the first boot; a failure shows there.
    void claimer.start().catch(() => {});
    const pkg = loadServicePackage();
    const proto = toGrpcObject<Proto>(pkg);
    const agents = new AgentPool({
      agentCtor: proto.strato.agent.v1.Agent,
      credentials: agentCreds,
      deadlines: { spawnMs: config.spawnTimeoutS * 1000 },
    });
    cleanups.push(() => agents.close());
    const agentConsoles = new AgentConsolePool({ agentCtor: proto.strato.agent.v1.Agent, credentials: agentCreds });
    cleanups.push(() => agentConsoles.close());
    const netAgents = new AgentNetworkPool({ ctor: proto.strato.agent.v1.AgentNetwork, credentials: agentCreds });
    cleanups.push(() => netAgents.close());
    const pusher = new NetworkPusher({
      store,
      hosts,
      agents: netAgents,
      resyncIntervalMs: config.networkResyncS * 1000,
    });
    const net = storeServerNetworking({ networking, pusher, agents: netAgents });
    // Registry.GetInstanceMetadata: DHCP placement as this conductor's pusher last made it.
    const metadata = new InstanceMetadata({
      store,
      hosts: new MetadataHosts({ store, hosts, dhcpPlacement: () => pusher.dhcpPlacement() }),
      nics: net,
    });
    const volumeAgents = new VolumeAgentPool({
      storageCtor: proto.strato.agent.v1.AgentStorage,
      agentCtor: proto.strato.agent.v1.Agent,
      credentials: agentCreds,
    });
    cleanups.push(() => volumeAgents.close());
    const storage = new BlockStorage({
      store,
      hosts,
      agents: volumeAgents,
      images: { image: (ref, p) => images.get(p, ref) },
      timeoutMs: config.volumeTimeoutS * 1000,
      quotas,
      reconcileEveryMs: config.exportReconcileS * 1000,
      sweepIntervalMs: Math.max(5_000, 3 * timing.heartbeatIntervalMs),
    });
    cleanups.push(() => storage.close());
    const volumes = serverVolumes({
      storage,
      hosts,
      agents: volumeAgents,
      detachTimeoutS: config.detachTimeoutS,
    });
    const serverImages = snapshotImages(images);
    const driver = new WorkflowDriver({
      store,
      claimer,
      images: serverImages,
      hosts,
      agents,
      net,
      volumes,
      quotas,
      volumeTimeoutMs: config.volumeTimeoutS * 1000,
      maxBuildAttempts: config.maxBuildAttempts,
      buildTimeoutMs: config.buildTimeoutS * 1000,
      acpiTimeoutS: config.acpiTimeoutS,
      sweepIntervalMs: Math.max(5_000, 3 * timing.heartbeatIntervalMs),
      observer: metrics.workflows,
    });
    cleanups.push(() => driver.close());
    // A volume made for a boot settled: that boot goes on.
    storage.bootVolumeSettled = (serverId) => driver.kick(serverId);
    // Closed before the driver (cleanups run in reverse): a boot waiting for a push is released at once.
    cleanups.push(() => pusher.close());
    const compute = new ComputeService({
      store,
      catalog: catalogFrom(images, flavors),
      driver,
      hosts,
      agents,
      net,
      volumes,
      quotas,
      keyPairs,
      images: serverImages,
    });
    const moves = new MoveService({
      store,
      catalog: catalogFrom(images, flavors),
      driver,
      hosts,
      quotas,
      resizeConfirmAfterS: config.resizeConfirmAfterS,
    });
    moves.startAutoConfirm();
    cleanups.push(() => moves.close());
    const netApi = networkApis(identity, networking);
    // A returning evacuated host deletes its stale copies (evacuate-stale.ts).
    const staleCopies = new StaleCopies({ store, hosts, agents });
    cleanups.push(() => staleCopies.close());
    const evacuator = new HostEvacuator({ store, hosts, kick: (id) => driver.kick(id) });
    const reports = new HostReports({
      store,
      heartbeatIntervalMs: timing.heartbeatIntervalMs,
      onUnexpected: (hostId, ids) => staleCopies.unexpectedReported(hostId, ids),
    });
    const serverStates = new ServerStates(store, clog);
    cleanups.push(() => serverStates.close());
    void serverStates.start();
    clusterMetrics(metrics.registry, {
      hosts: () => claimer.snapshots(),
      downTimeMs: timing.downTimeMs,
      servers: serverStates,
      storeProblem: () => storeHealth.problem,
    });

    // What a project still owns, asked of each domain before the project may go.
    const holdings = [
      serverHoldings(store),
      imageHoldings(store),
      networkHoldings(networking.ctx),
      volumeHoldings(store),
      keyPairHoldings(store),
    ];

    // Each server's reflection lists (and describes) only its own services.
    // Every call of the public one goes through the policy table first, then
    // its request through its schema (conductor/api/schemas).
    const pub = new StratoServer({
      mapError: hideStoreErrors,
      observeCall: metrics.grpc,
      hook: policyHook(identity),
      messageLimits: MESSAGE_LIMITS.publicApi,
      validateRequest: validatePublicRequest,
    })
      .addService<IdentityHandlers>(proto.strato.identity.v1.Identity.service, identityApi(identity, { holdings }))
      .addService<QuotasHandlers>(proto.strato.identity.v1.Quotas.service, quotasApi(identity, quotas))
      .addService<ImagesHandlers>(proto.strato.image.v1.Images.service, imagesApi(identity, images))
      .addService<FlavorsHandlers>(proto.strato.compute.v1.Flavors.service, flavorsApi(identity, flavors))
      .addService<ServersHandlers>(
        proto.strato.compute.v1.Servers.service,
        serversApi(compute, identity, (ports) => networking.floatingIps.byPorts(ports)),
      )
      .addService<KeyPairsHandlers>(proto.strato.compute.v1.KeyPairs.service, keyPairsApi(identity, keyPairs))
      .addService<ServerConsolesHandlers>(
        proto.strato.compute.v1.ServerConsoles.service,
        serverConsolesApi(compute, hosts, agentConsoles, identity),
      )
      .addService<ServerVolumesHandlers>(
        proto.strato.compute.v1.ServerVolumes.service,
        serverVolumesApi(compute, identity),
      )
      .addService<ServerMovesHandlers>(proto.strato.compute.v1.ServerMoves.service, serverMovesApi(moves, identity))
      .addService<HostsHandlers>(
        proto.strato.host.v1.Hosts.service,
        hostsApi(hosts, claimer, identity, evacuator, moves),
      )
      .addService<HostCertificatesHandlers>(
        proto.strato.host.v1.HostCertificates.service,
        hostCertificatesApi(identity, certs, hosts, config.certificateValidityDays),
      )
      .addService<NetworksHandlers>(proto.strato.network.v1.Networks.service, netApi.networks)
      .addService<SubnetsHandlers>(proto.strato.network.v1.Subnets.service, netApi.subnets)
      .addService<PortsHandlers>(proto.strato.network.v1.Ports.service, netApi.ports)
      .addService<SecurityGroupsHandlers>(proto.strato.network.v1.SecurityGroups.service, netApi.securityGroups)
      .addService<RoutersHandlers>(proto.strato.network.v1.Routers.service, netApi.routers)
      .addService<FloatingIpsHandlers>(proto.strato.network.v1.FloatingIps.service, netApi.floatingIps)
      .addService<VolumesHandlers>(proto.strato.volume.v1.Volumes.service, volumesApi(identity, storage.volumes))
      .addService<VolumeSnapshotsHandlers>(
        proto.strato.volume.v1.VolumeSnapshots.service,
        volumeSnapshotsApi(identity, storage.snapshots),
      )
      .addReflection();
    assertPolicyCovers(pub.methodPaths());
    const reg = new StratoServer({
      mapError: hideStoreErrors,
      observeCall: metrics.grpc,
      messageLimits: MESSAGE_LIMITS.registry,
    })
      .addService<RegistryHandlers>(
        proto.strato.host.v1.Registry.service,
        registryApi(hosts, reports, images, certs, (hostId) => {
          pusher.hostRegistered(hostId);
          storage.hostRegistered(hostId);
          staleCopies.hostRegistered(hostId);
          reports.busyOn(hostId).then(
            (ids) => {
              for (const id of ids) driver.kick(id);
            },
            (err: unknown) => clog.warn({ err, hostId }, 'could not kick work waiting for a host'),
          );
        }, metadata),
      )
      .addReflection();
    const grace = config.shutdownGraceS * 1000;
    // Registry first, so agents can heartbeat before the public API takes boots.
    const registryPort = await reg.listen(config.registryListen, registryCreds);
    cleanups.push(() => reg.shutdown(grace));
    const publicPort = await pub.listen(config.listen, publicCreds);
    cleanups.push(() => pub.shutdown(grace));
    // Every service of both ports (and each port as a whole) needs the store.
    gate = new HealthGate(
      [pub, reg].map((server) => ({ server, needs: allServicesNeed(server.serviceNames(), ['store']) })),
      clog,
    );
    gate.set('store', storeHealth.problem);
    storeHealth.start();
    const metricsEndpoint = await startMetricsEndpoint(
      parseMetricsListen(config.metricsListen),
      metrics.registry,
      clog,
    );
    cleanups.push(() => metricsEndpoint?.close());

    // Workflows resume once hosts had a chance to heartbeat: after a long outage
    // every host looks down until then, and a resumed boot would find no host.
    const anyDown = (await hosts.list()).some((h) => hosts.state(h) === 'down');
    const resume = () =>
      Promise.all([driver.resumeAll(), storage.start()]).catch((err: unknown) => clog.error({ err }, 'resume failed'));
    const resumeTimer = setTimeout(resume, anyDown ? timing.heartbeatIntervalMs + 1000 : 0);
    cleanups.push(() => clearTimeout(resumeTimer));
    driver.startSweeper();
    pusher.start();

    clog.info(
      { publicPort, registryPort, publicTls: !config.listenPlaintext, dataDir: config.dataDir },
      'conductor started',
    );
    let stopping: Promise<void> | undefined;
    return {
      config,
      publicPort,
      registryPort,
      adminPasswordFile,
      metricsPort: metricsEndpoint?.port,
      status: () => conductorStatus(hosts),
      stop() {
        stopping ??= stopAll().then(() => clog.info({}, 'conductor stopped'));
        return stopping;
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The public API's: TLS with its own certificate (or the registry's pair), or plain text (loopback only, checked by resolveConfig). */
async function publicCredentials(config: ConductorConfig): Promise<ServerCredentials> {
  if (config.listenPlaintext) return insecureServerCredentials();
  const files = publicTlsFiles(config);
  const [cert, key] = await Promise.all([readFile(files.certFile), readFile(files.keyFile)]);
  // No client certificate: callers say who they are with bearer tokens.
  return ServerCredentials.createSsl(null, [{ private_key: key, cert_chain: cert }], false);
}

async function main(): Promise<void> {
  let command: DaemonCommand<ConductorConfig>;
  try {
    command = await loadCommand(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`strato-conductor: ${(err as Error).message}\n${USAGE}\n${helpHint('strato-conductor')}\n`);
    process.exit(2);
  }
  // Answers for the operator, not events of a service: plain text, no log line.
  if (command.kind === 'help') process.stdout.write(HELP);
  if (command.kind === 'version') process.stdout.write(versionText('strato-conductor'));
  if (command.kind !== 'run') return;
  const config = command.config;
  for (const d of command.deprecated) log.warn(d, 'deprecated setting');
  const conductor = await startConductor(config);
  const notifier = new ServiceNotifier({ log, liveness: new Liveness(), status: () => conductor.status() });
  armTestHangTrigger(log);
  stopOnSignal(notifier, () => conductor.stop(), log);
  await notifier.ready();
}

if (import.meta.main) {
  main().catch((err: unknown) => {
    log.fatal({ err }, 'conductor failed to start');
    process.exit(1);
  });
}
