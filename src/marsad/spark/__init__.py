"""Marsad on Apache Spark (``pip install 'marsad[spark]'``, Java 17): ``job`` runs the same Pipeline per
partition and writes Parquet by month; ``load`` puts such an output into a store (needs only pyarrow)."""
