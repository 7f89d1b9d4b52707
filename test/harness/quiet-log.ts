// The logger tests hand to the code under test: silent, unless STRATO_TEST_LOG names a
// level (e.g. STRATO_TEST_LOG=debug to see what a failing test's code logged).
import { type Logger, log } from '../../common/log.ts';

export const quiet: Logger = log.child({});
quiet.level = process.env.STRATO_TEST_LOG ?? 'silent';
