// The engines' shared, SQL-free parts (the locality file, ledgers, errors) are part of the
// store's interface: whoever imports the store sees them.
@_exported import StoreCommon
