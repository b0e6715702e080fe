// @ts-check
const { TestEnvironment } = require('jest-environment-node');

/**
 * jest's Node environment that tells a test's own hooks whether it failed
 * (`globalThis.__zsTestFailed`), so the console's browser tests keep a screenshot and a
 * Playwright trace of a failing journey (test/support/browser.ts) and nothing of a passing one.
 */
class FailureAwareEnvironment extends TestEnvironment {
  /** @param {{ name: string }} event */
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__zsTestFailed = false;
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__zsTestFailed = true;
  }
}

module.exports = FailureAwareEnvironment;
