"""Known answers for authgate's Cognito SRP (src/aws/srp.rs), computed by pycognito's AWSSRP.

pycognito is an independent implementation (a port of amazon-cognito-identity-js) that is known
to sign in against real Cognito, so agreeing with it byte for byte is what the Rust unit tests
check. Everything below calls pycognito's own code; the only help it gets is pinning what it
would otherwise draw at random or read from the clock:

* the client secret `a` (AWSSRP.small_a_value, then AWSSRP.calculate_a() for A),
* the clock (pycognito reads datetime.datetime.utcnow() inside process_challenge and
  process_device_challenge),
* os.urandom, which generate_hash_device draws the device password (40 bytes) and the
  verifier salt (16 bytes) from.

Reads one JSON case (an object) or several (an array) on stdin and prints the answers in the
same shape on stdout. A case has these members (hex is lowercase or uppercase):

  a                 the client secret, hex
  pool_id           e.g. "us-east-1_AbCdEf"
  client_id, client_secret
  username          what the user typed (InitiateAuth USERNAME)
  user_id_for_srp   USER_ID_FOR_SRP from the PASSWORD_VERIFIER challenge
  password
  srp_b, salt       SRP_B and SALT (hex) of the PASSWORD_VERIFIER challenge
  secret_block      SECRET_BLOCK (base64)
  time              [year, month, day, hour, minute, second] (UTC)
  device_group_key, device_key, device_password
  device_srp_b, device_salt, device_secret_block   of the DEVICE_PASSWORD_VERIFIER challenge
  device_password_bytes   40 bytes (hex) for generate_hash_device's password
  device_salt_bytes       16 bytes (hex) for generate_hash_device's salt

and the answer these:

  srp_a                       AuthParameters.SRP_A
  timestamp, password_claim_signature, secret_hash    the PASSWORD_VERIFIER response
  device_timestamp, device_claim_signature            the DEVICE_PASSWORD_VERIFIER response
  device_password, device_salt, device_verifier       generate_hash_device (ConfirmDevice)
"""

import datetime
import json
import sys
from unittest import mock

from pycognito import aws_srp


def fixed_clock(moment):
    """A stand-in for the `datetime` module whose datetime.utcnow() is `moment`."""

    class Clock:
        class datetime:  # noqa: N801 (mimics the module's class name)
            @staticmethod
            def utcnow():
                return moment

    return Clock


def fixed_urandom(password_bytes, salt_bytes):
    """generate_hash_device asks for 40 bytes (the password), then 16 (the salt)."""
    pinned = {40: password_bytes, 16: salt_bytes}

    def urandom(n):
        return pinned[n]

    return urandom


def answer(case):
    srp = aws_srp.AWSSRP(
        username=case["username"],
        password=case["password"],
        pool_id=case["pool_id"],
        client_id=case["client_id"],
        # Any object: no request is sent; passing one keeps boto3 from being configured.
        client=object(),
        client_secret=case["client_secret"],
        device_key=case["device_key"],
        device_group_key=case["device_group_key"],
        device_password=case["device_password"],
    )
    srp.small_a_value = int(case["a"], 16)
    srp.large_a_value = srp.calculate_a()
    auth_params = srp.get_auth_params()

    moment = datetime.datetime(*case["time"])
    with mock.patch.object(aws_srp, "datetime", fixed_clock(moment)):
        user = srp.process_challenge(
            {
                "USER_ID_FOR_SRP": case["user_id_for_srp"],
                "USERNAME": case["user_id_for_srp"],
                "SALT": case["salt"],
                "SRP_B": case["srp_b"],
                "SECRET_BLOCK": case["secret_block"],
            },
            auth_params,
        )
        device = srp.process_device_challenge(
            {
                "USERNAME": case["user_id_for_srp"],
                "SALT": case["device_salt"],
                "SRP_B": case["device_srp_b"],
                "SECRET_BLOCK": case["device_secret_block"],
            }
        )

    urandom = fixed_urandom(
        bytes.fromhex(case["device_password_bytes"]),
        bytes.fromhex(case["device_salt_bytes"]),
    )
    with mock.patch.object(aws_srp.os, "urandom", urandom):
        device_password, verifier_config = aws_srp.generate_hash_device(
            case["device_group_key"], case["device_key"]
        )

    return {
        "srp_a": auth_params["SRP_A"],
        "timestamp": user["TIMESTAMP"],
        "password_claim_signature": user["PASSWORD_CLAIM_SIGNATURE"],
        "secret_hash": user["SECRET_HASH"],
        "device_timestamp": device["TIMESTAMP"],
        "device_claim_signature": device["PASSWORD_CLAIM_SIGNATURE"],
        "device_password": device_password,
        "device_salt": verifier_config["Salt"],
        "device_verifier": verifier_config["PasswordVerifier"],
    }


def main():
    cases = json.load(sys.stdin)
    if isinstance(cases, list):
        result = [answer(case) for case in cases]
    else:
        result = answer(cases)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
