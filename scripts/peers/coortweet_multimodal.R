# Copied from the shared peers kit; it sources a CooRTweet checkout you provide and contains none of its code.
# CooRTweet multi-modal (urls + images) on german_elections, as in CooRTweet's vignette (sources its R/ files; see README).
# usage: Rscript coortweet_multimodal.R COORTWEET_SRC german_elections.csv WINDOW MINPART EDGEW OUT_edges.csv [OUT_stacked.csv]
suppressPackageStartupMessages({library(data.table); library(igraph)})
a <- commandArgs(trailingOnly = TRUE)
for (f in c("prep_data.R", "detect_groups.R", "calc_group_combinations.R", "generate_coordinated_network.R"))
  source(file.path(a[1], "R", f))
t0 <- system.time(ge <- fread(a[2]))[["elapsed"]]
prep <- function(col, prefix) {
  d <- prep_data(copy(ge), object_id = col, account_id = "account_id", content_id = "post_id", timestamp_share = "timestamp")
  d <- unique(d, by = c("object_id", "account_id", "content_id", "timestamp_share"))
  d <- d[!is.na(object_id)]
  d$object_id <- paste0(prefix, d$object_id)
  d
}
urls_data <- prep("url_id", "url_"); img_data <- prep("phash_id", "hash_")
if (length(a) >= 7) fwrite(rbindlist(list(urls_data, img_data), use.names = TRUE, fill = TRUE)[, .(object_id, account_id, content_id, timestamp_share)], a[7])
w <- as.numeric(a[3]); mp <- as.numeric(a[4])
t1 <- system.time({
  ru <- detect_groups(urls_data, time_window = w, min_participation = mp)
  ri <- detect_groups(img_data, time_window = w, min_participation = mp)
})[["elapsed"]]
comb <- rbindlist(list(ru, ri), use.names = TRUE, fill = TRUE)
t2 <- system.time(g <- generate_coordinated_network(comb, edge_weight = as.numeric(a[5]), subgraph = 1))[["elapsed"]]
fwrite(as_data_frame(g, "edges"), a[6])
cat(sprintf("url_rows=%d img_rows=%d read=%.2fs detect_groups=%.2fs network=%.2fs accounts=%d edges=%d components=%d\n",
            nrow(urls_data), nrow(img_data), t0, t1, t2, vcount(g), ecount(g), components(g)$no))
