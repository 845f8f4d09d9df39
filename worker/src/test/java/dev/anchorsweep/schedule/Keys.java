package dev.anchorsweep.schedule;

import java.util.Arrays;
import java.util.List;

/** Keyframes written as in SCA-SPEC §4, e.g. {@code "0:1e-8, 10:0.01, 750:0.1"}. */
final class Keys {

    private Keys() {}

    static List<Keyframe> of(String spec) {
        return Arrays.stream(spec.split(","))
                .map(String::trim)
                .map(key -> key.split(":"))
                .map(parts -> new Keyframe(Integer.parseInt(parts[0]), Double.parseDouble(parts[1])))
                .toList();
    }

    static KeyframeSchedule minJerk(String spec) {
        return KeyframeSchedule.minJerk(of(spec));
    }
}
