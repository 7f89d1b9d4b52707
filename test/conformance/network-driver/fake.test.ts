// Runs the NetworkDriver conformance suite against the fake (memory only).
import { FakeNetworkDriver } from '../../../agent/network/fake/fake-network-driver.ts';
import { networkDriverConformance } from './network-driver-suite.ts';

networkDriverConformance('fake', async () => {
  const host = { underlayIp: '10.255.0.1', flatBridge: 'br-flat' };
  const driver = new FakeNetworkDriver({ underlayIp: host.underlayIp, physicalBridges: { [host.flatBridge]: 1500 } });
  return { driver, host, close: () => driver.close() };
});
