"""PIN hashing, roles and permissions, the audit chain, keyring secrets, field encryption."""
