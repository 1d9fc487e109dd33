"""An aiosmtpd Maildir handler that takes a moment per message, like a real mail server, so that
deliveries are in flight (jobs claimed, SMTP dialogues open) whenever test 3 kills an instance.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c slow_mailbox.SlowMailbox MAILDIR   (PYTHONPATH=tests/multi)
"""
import asyncio
import os

from aiosmtpd.handlers import Mailbox

DELAY_SECONDS = float(os.environ.get("MULTI_SMTP_DELAY_MS", "40")) / 1000


class SlowMailbox(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(DELAY_SECONDS)
        return await super().handle_DATA(server, session, envelope)
