//! The class folder, read for the dashboard.
