# Copied from the shared peers kit; it sources a CooRTweet checkout you provide and contains none of its code.
# Run CooRTweet's detection on a 4-column CSV and report its network and timing, for side-by-side
# comparison with Lockstep on the same input.
# usage: Rscript coortweet_run.R COORTWEET_SRC INPUT.csv[.gz] WINDOW MIN_PARTICIPATION EDGE_WEIGHT OUT_EDGES.csv
# COORTWEET_SRC: a checkout of github.com/nicolarighetti/CooRTweet (its R/ folder is sourced;
# only data.table and igraph are needed: apt-get install r-base-core r-cran-data.table r-cran-igraph).
suppressPackageStartupMessages({library(data.table); library(igraph)})
a <- commandArgs(trailingOnly = TRUE)
for (f in c("detect_groups.R", "calc_group_combinations.R", "generate_coordinated_network.R"))
  source(file.path(a[1], "R", f))
x <- if (grepl("\\.gz$", a[2])) fread(cmd = paste("gzip -dc", shQuote(a[2])), colClasses = c("character", "character", "character", "numeric")) else fread(a[2], colClasses = c("character", "character", "character", "numeric"))
t1 <- system.time(res <- detect_groups(x, time_window = as.numeric(a[3]), min_participation = as.numeric(a[4])))[["elapsed"]]
t2 <- system.time(g <- generate_coordinated_network(res, edge_weight = as.numeric(a[5]), subgraph = 1))[["elapsed"]]
fwrite(as_data_frame(g, "edges"), a[6])
cat(sprintf("rows=%d detect_groups=%.2fs network=%.2fs accounts=%d edges=%d components=%d\n",
            nrow(x), t1, t2, vcount(g), ecount(g), components(g)$no))
