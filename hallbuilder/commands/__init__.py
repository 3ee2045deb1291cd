"""Every `hallbuilder` subcommand, one module each: new, check, build, clean, showcase, publish, qr, serve and
service. Each is a thin click layer over the package that does the work (config, builder, publish, service).
"""
