package dev.anchorsweep.analysis.sql;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.ExecuteImmediateQuery;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.ExecutableDuringAnalysis;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import org.apache.spark.sql.catalyst.trees.TreeNode;
import org.apache.spark.sql.execution.command.ExplainCommand;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static scala.jdk.javaapi.CollectionConverters.asJava;

/**
 * The gate of {@code deploy/sweep sql}: a statement runs only when Spark's own parser makes it a query (SELECT, WITH,
 * VALUES, TABLE, a pipe query) or a SHOW, DESCRIBE or EXPLAIN of one. Anything else is refused before it runs: every
 * {@link Command} (DDL, SET, ADD JAR, CACHE, REFRESH, USE, MERGE, DELETE, ...), inserts anywhere in the plan
 * ({@code INSERT INTO}, {@code INSERT OVERWRITE DIRECTORY}, {@code WITH … INSERT}, {@code FROM t INSERT …}),
 * {@code EXECUTE IMMEDIATE} and {@code CALL} (which run at analysis), {@code TRANSFORM … USING} (which starts a
 * process) and the functions that call Java methods ({@code reflect}, {@code java_method}, {@code try_reflect}).
 * Several statements separated by {@code ;} do not parse as one statement, so they are a bad query.
 */
public final class ReadOnlyStatement {

    /** What the sql command runs, in one sentence. */
    public static final String ALLOWED = "sql runs read-only queries only: SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE "
            + "and EXPLAIN";

    private static final Set<String> JAVA_CALLS = Set.of("reflect", "java_method", "try_reflect");

    private ReadOnlyStatement() {
    }

    /**
     * Parses {@code sql} with the session's parser and returns normally when it is a read-only query; throws
     * {@link RefusedStatementException} when it is not, or {@link BadQueryException} when it does not parse.
     */
    public static void require(SparkSession spark, String sql) {
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (Exception e) { // Spark's ParseException
            throw new BadQueryException(SparkErrorMessage.of(e), e);
        }
        refusal(plan).ifPresent(what -> {
            throw new RefusedStatementException("refused: " + what + "; " + ALLOWED + ", and ran nothing");
        });
    }

    /**
     * The names (last part, lower case) of the tables and views a read-only statement reads, from Spark's parse of
     * it; empty when that cannot be told from the parse: a SHOW or DESCRIBE (they may list every view) or an
     * {@code IDENTIFIER(…)} clause. CTE names count too (a superset is harmless).
     */
    public static Optional<Set<String>> reads(SparkSession spark, String sql) {
        LogicalPlan statement;
        try {
            statement = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (Exception e) { // Spark's ParseException
            throw new BadQueryException(SparkErrorMessage.of(e), e);
        }
        if (statement instanceof ExplainCommand explain) statement = explain.logicalPlan();
        if (statement instanceof Command) return Optional.empty();
        Set<String> names = new HashSet<>();
        Deque<TreeNode<?>> pending = new ArrayDeque<>();
        Set<TreeNode<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(statement);
        while (!pending.isEmpty()) {
            TreeNode<?> node = pending.pop();
            if (!seen.add(node)) continue;
            if (node.nodeName().contains("Identifier")) return Optional.empty();
            if (node instanceof UnresolvedRelation relation) {
                names.add(relation.multipartIdentifier().last().toLowerCase(Locale.ROOT));
            }
            inside(node, pending);
        }
        return Optional.of(names);
    }

    /** Why a parsed statement is not read-only, or empty when it is. */
    static Optional<String> refusal(LogicalPlan statement) {
        if (statement instanceof ExplainCommand explain) return refusal(explain.logicalPlan());
        if (statement instanceof Command && !isShowOrDescribe(statement)) return Optional.of(notAQuery(statement));
        Deque<TreeNode<?>> pending = new ArrayDeque<>();
        Set<TreeNode<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(statement);
        while (!pending.isEmpty()) {
            TreeNode<?> node = pending.pop();
            if (!seen.add(node)) continue;
            boolean allowedCommand = node == statement && statement instanceof Command; // a SHOW or DESCRIBE
            if (!allowedCommand) {
                Optional<String> why = refusalOf(node);
                if (why.isPresent()) return why;
            }
            inside(node, pending);
        }
        return Optional.empty();
    }

    private static Optional<String> refusalOf(TreeNode<?> node) {
        if (node instanceof Command || node instanceof InsertIntoStatement || node instanceof InsertIntoDir
                || node instanceof ExecuteImmediateQuery || node instanceof ExecutableDuringAnalysis
                || node instanceof ScriptTransformation) {
            return Optional.of(notAQuery(node));
        }
        if (node instanceof UnresolvedFunction f) {
            String name = f.nameParts().last().toLowerCase(Locale.ROOT);
            if (JAVA_CALLS.contains(name)) return Optional.of(name + "() calls Java methods");
        }
        return Optional.empty();
    }

    private static String notAQuery(TreeNode<?> node) {
        return "not a read-only query (Spark parses it as " + node.nodeName() + ")";
    }

    /** SHOW … and DESCRIBE … commands: ShowTables, ShowColumns, ShowCatalogsCommand, DescribeRelation, ... */
    private static boolean isShowOrDescribe(LogicalPlan command) {
        String name = command.nodeName();
        return name.startsWith("Show") || name.startsWith("Describe");
    }

    /** Pushes every tree node a node holds: children, inner children (CTE definitions), expressions, subqueries. */
    private static void inside(TreeNode<?> node, Deque<TreeNode<?>> pending) {
        for (Object child : asJava(node.children())) pending.push((TreeNode<?>) child);
        for (TreeNode<?> inner : asJava(node.innerChildren())) pending.push(inner);
        if (node instanceof QueryPlan<?> plan) for (TreeNode<?> e : asJava(plan.expressions())) pending.push(e);
        if (node instanceof SubqueryExpression subquery) pending.push(subquery.plan());
        asJava(node.productIterator()).forEachRemaining(field -> {
            if (field instanceof TreeNode<?> tree) pending.push(tree);
        });
    }
}
