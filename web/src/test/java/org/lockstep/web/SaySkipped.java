package org.lockstep.web;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints on the console why a test was skipped (an assumption that failed: no ../shared data, no
 * Chromium, no root for a tmpfs), so that "Skipped: 1" in the build output comes with its reason.
 * Registered for every test of the module through the service loader (see junit-platform.properties).
 */
public final class SaySkipped implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "an assumption failed" : cause.getMessage();
        System.out.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()
                + ": " + why.replace("Assumption failed: ", ""));
    }

    @Override
    public void testDisabled(ExtensionContext context, java.util.Optional<String> reason) {
        System.out.println("[SKIPPED] " + context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()
                + ": " + reason.orElse("disabled"));
    }
}
