package dev.anchorsweep.analysis.report;

import dev.anchorsweep.analysis.sql.QueryResult;
import dev.anchorsweep.analysis.sql.ResultRow;

import java.util.List;

/** One arm of a regularizer-combination sweep (report/gallery.sql): its best run's latent geometry and errors. */
public record GalleryRow(String arm, List<String> regularizers, long seed, String runId, Double redCosine,
                         Double vibrantPlaneShare, Double latentNorm, Double valRecon, String selectionIntervention,
                         Double selectionScore, Double conceptError, Double offTargetError) {

    /** Red counts as on its anchor at cosine ≥ this (within about 25°). */
    public static final double ON_ANCHOR = 0.9;
    /** Vibrant hues count as planar when at least this share of their squared norm lies in dims 0–1. */
    public static final double PLANAR = 0.9;

    static List<GalleryRow> of(QueryResult result) {
        return ResultRow.all(result).stream().map(r -> new GalleryRow(r.string("arm"), r.strings("regularizers"),
                r.integer("seed"), r.string("run_id"), r.number("red_cosine"), r.number("vibrant_plane_share"),
                r.number("latent_norm"), r.number("val_recon"), r.string("selection_intervention"),
                r.number("selection_score"), r.number("selection_concept_error"),
                r.number("selection_off_target_error"))).toList();
    }

    public boolean redOnAnchor() {
        return redCosine != null && redCosine >= ON_ANCHOR;
    }

    public boolean planar() {
        return vibrantPlaneShare != null && vibrantPlaneShare >= PLANAR;
    }
}
