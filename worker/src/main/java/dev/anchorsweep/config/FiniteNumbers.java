package dev.anchorsweep.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.List;
import java.util.TreeSet;

/**
 * Finds every number of a config that is not finite: HOCON reads {@code 1e400} as infinity, which no setting
 * accepts. One problem per such number, located at its file and line.
 */
final class FiniteNumbers {

    private FiniteNumbers() {
    }

    static void check(ConfigValue value, String path, List<ConfigProblem> problems) {
        if (value instanceof ConfigObject object) {
            for (String key : new TreeSet<>(object.keySet())) {
                String child = ConfigUtil.joinPath(key);
                check(object.get(key), path.isEmpty() ? child : path + "." + child, problems);
            }
        } else if (value instanceof ConfigList list) {
            for (ConfigValue element : list) check(element, path, problems);
        } else if (value.valueType() == ConfigValueType.NUMBER
                && !Double.isFinite(((Number) value.unwrapped()).doubleValue())) {
            problems.add(new ConfigProblem(ConfigReader.where(value.origin()), path,
                    "must be a finite number, but got " + value.atKey("n").getString("n")));
        }
    }
}
