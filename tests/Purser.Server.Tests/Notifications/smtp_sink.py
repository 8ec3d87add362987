"""An aiosmtpd handler for the notification tests: each message accepted is written, whole and
unparsed, to its own file in the folder given on the command line, before the 250 reply, so a
sender that heard 250 can read the file at once. A second delivery of one message is a second file.
A recipient at the domain refused.invalid is refused for good (550), as a mailbox that does not exist.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink FOLDER   (with this folder on PYTHONPATH)
"""
import os
import uuid


class Sink:
    def __init__(self, folder):
        self.folder = folder

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("smtp_sink.Sink takes one argument: the folder to write messages to")
        return cls(args[0])

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@refused.invalid"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        partial = os.path.join(self.folder, name + ".partial")
        with open(partial, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(partial, os.path.join(self.folder, name + ".eml"))
        return "250 OK"
