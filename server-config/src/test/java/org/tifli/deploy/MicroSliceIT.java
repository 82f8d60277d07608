package org.tifli.deploy;

import org.tifli.testing.FakeGraphApi;
import org.tifli.testing.SliceContract;

/**
 * The slice against the self-contained WAR on Payara Micro, started by the README's run command
 * with H2 on disk and the embedded broker, posting to a fake Graph API on loopback.
 */
class MicroSliceIT extends SliceContract {

  @Override
  protected String appUrl() {
    return SharedTifli.get().appUrl();
  }

  @Override
  protected FakeGraphApi graph() {
    return SharedTifli.get().graph();
  }
}
