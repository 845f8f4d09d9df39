package dev.anchorsweep.job;

import java.io.Serializable;
import java.net.InetAddress;

/** Where and with what a run was produced: code version, host and JVM (recorded on every runs row). */
public record Provenance(String codeVersion, String host, String jvm) implements Serializable {

    /** The code version given by the launcher (-Danchorsweep.version), else the jar's, else "unknown". */
    public static String currentCodeVersion() {
        String v = System.getProperty("anchorsweep.version");
        if (v == null || v.isBlank()) v = Provenance.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "unknown" : v;
    }

    /** This JVM's provenance, with the code version decided by the driver. */
    public static Provenance here(String codeVersion) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        return new Provenance(codeVersion, host, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
    }
}
