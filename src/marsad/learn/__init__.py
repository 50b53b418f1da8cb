"""The learned layer: sentence relevance and QuadClass from hashed n-grams plus Marsad's own features.

features (hashing), model (a linear model stored as .npz, loaded lazily, predicted with numpy), kil (the
Keep it Local training files), train (rebuilds the shipped models), evaluate (cross-validation), stage (the
pipeline stage that labels each content sentence).
"""
