"""SHA-256 from CPython's own module, not hashlib's.

hashlib loads OpenSSL's digests (about 0.6 MiB resident, a sixth of what the
game adds to bare Textual) for a few digests of small files at start-up.
"""

try:
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.10 and 3.11
    except ImportError:  # built without them: OpenSSL it is
        from hashlib import sha256

__all__ = ["sha256"]
